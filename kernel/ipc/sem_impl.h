/* Semaphore sets inside ipc/: shared by sem.c (get, op, ctl) and sem_undo.c. */
#ifndef CAIRN_IPC_SEM_IMPL_H
#define CAIRN_IPC_SEM_IMPL_H

#include <ipc/sysv.h>
#include <proc/wait.h>

struct sem {
	unsigned short val;
	int pid; /* the last process that changed it */
};

struct sem_set {
	struct ipc_obj obj;
	int nsems;
	struct sem *sems;
	struct wait_queue wait;    /* semop sleepers; woken at every change and at removal */
	struct list_head pending;  /* struct sem_pending of the sleepers */
	struct list_head undos;    /* struct sem_undo, one per process with adjustments */
	long otime, ctime;
	bool removed;
	int refs;                  /* the table's and each sleeper's */
};

/* What a sleeping semop waits for, for GETNCNT and GETZCNT. */
struct sem_pending {
	struct list_head link;
	int num;
	bool for_zero;
};

/* A process's adjustments for one set, applied when it exits. */
struct sem_undo {
	struct list_head link; /* in set->undos */
	int pid;
	short adj[];           /* nsems entries */
};

/* p's undo record for set, created (zeroed) if create; NULL when absent or out of memory. */
struct sem_undo *sem_undo_find(struct sem_set *set, int pid, bool create);
/* Forgets every process's adjustment of semaphore num (-1: all), as SETVAL and SETALL do. */
void sem_undo_clear(struct sem_set *set, int num);
/* Frees every undo record of a set being removed. */
void sem_undo_free_all(struct sem_set *set);
/* Walks every set (sem.c), for sem_exit. */
void sem_for_each_set(void (*fn)(struct sem_set *set, void *arg), void *arg);
void sem_set_put(struct sem_set *set);

#endif
