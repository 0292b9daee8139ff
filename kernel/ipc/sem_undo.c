/*
 * SEM_UNDO (docs/ipc.md): each semop with SEM_UNDO records the opposite of
 * its change in the calling process's record for the set; when the process
 * exits, the records are added back, each value clamped to 0..SEMVMX as
 * Linux does, and sleepers are woken. Records are kept per process id on
 * the set, so fork starts without any and exec keeps them, as in Linux.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uapi/sem.h>

#include "sem_impl.h"

struct sem_undo *sem_undo_find(struct sem_set *set, int pid, bool create)
{
	struct sem_undo *u;
	list_for_each_entry(u, &set->undos, link)
		if (u->pid == pid)
			return u;
	if (!create)
		return NULL;
	u = kzalloc(sizeof(*u) + sizeof(short) * (size_t)set->nsems);
	if (!u)
		return NULL;
	u->pid = pid;
	list_add_tail(&u->link, &set->undos);
	return u;
}

void sem_undo_clear(struct sem_set *set, int num)
{
	struct sem_undo *u;
	list_for_each_entry(u, &set->undos, link)
	{
		if (num < 0)
			memset(u->adj, 0, sizeof(short) * (size_t)set->nsems);
		else
			u->adj[num] = 0;
	}
}

void sem_undo_free_all(struct sem_set *set)
{
	struct sem_undo *u, *tmp;
	list_for_each_entry_safe(u, tmp, &set->undos, link)
	{
		list_del(&u->link);
		kfree(u);
	}
}

static void undo_apply(struct sem_set *set, void *arg)
{
	struct process *p = arg;
	struct sem_undo *u = sem_undo_find(set, p->pid, false);
	if (!u)
		return;
	for (int i = 0; i < set->nsems; i++) {
		if (!u->adj[i])
			continue;
		int v = set->sems[i].val + u->adj[i];
		set->sems[i].val = (unsigned short)(v < 0 ? 0 : v > SEMVMX ? SEMVMX : v);
		set->sems[i].pid = p->pid;
	}
	list_del(&u->link);
	kfree(u);
	wake_up(&set->wait);
}

void sem_exit(struct process *p)
{
	sem_for_each_set(undo_apply, p);
}
