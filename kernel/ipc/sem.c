/*
 * System V semaphore sets (docs/ipc.md): semget, semop/semtimedop, semctl.
 * A semop applies all its operations or none: it is tried on a copy of the
 * values, and when one operation would block (a decrement below zero, a
 * wait for zero on a non-zero value) the caller sleeps on the set's wait
 * queue and tries again after every change. Removing the set wakes the
 * sleepers with EIDRM; a set lives on (out of the table) until its last
 * sleeper has left.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/sem.h>
#include <uapi/time.h>

#include "sem_impl.h"

#define SEM_MNI 32000
#define SEM_BLOCK 1 /* sem_try: the operations must wait */

static struct ipc_ids sem_ids = IPC_IDS_INIT(sem_ids, SEM_MNI);

static int current_pid(void)
{
	return current_proc() ? current_proc()->pid : 0;
}

void sem_for_each_set(void (*fn)(struct sem_set *set, void *arg), void *arg)
{
	struct ipc_obj *o, *tmp;
	list_for_each_entry_safe(o, tmp, &sem_ids.objs, link)
		fn(container_of(o, struct sem_set, obj), arg);
}

void sem_set_put(struct sem_set *set)
{
	if (--set->refs)
		return;
	sem_undo_free_all(set);
	kfree(set->sems);
	kfree(set);
}

static struct sem_set *sem_find(int semid)
{
	struct ipc_obj *o = ipc_find_id(&sem_ids, semid);
	return o ? container_of(o, struct sem_set, obj) : NULL;
}

static long sem_create(int key, int nsems, int flags)
{
	if (nsems <= 0 || nsems > SEMMSL)
		return -EINVAL;
	struct sem_set *set = kzalloc(sizeof(*set));
	if (!set)
		return -ENOMEM;
	set->sems = kzalloc(sizeof(struct sem) * (size_t)nsems);
	if (!set->sems) {
		kfree(set);
		return -ENOMEM;
	}
	int err = ipc_add(&sem_ids, &set->obj, key, flags);
	if (err) {
		kfree(set->sems);
		kfree(set);
		return err;
	}
	set->nsems = nsems;
	wait_queue_init(&set->wait);
	list_init(&set->pending);
	list_init(&set->undos);
	set->ctime = (long)clock_realtime_sec();
	set->refs = 1;
	return set->obj.id;
}

long sys_semget(int key, int nsems, int flags)
{
	if (nsems < 0 || nsems > SEMMSL)
		return -EINVAL;
	int err;
	struct ipc_obj *o = ipc_lookup(&sem_ids, key, flags, &err);
	if (err)
		return err;
	if (!o)
		return sem_create(key, nsems, flags);
	if (nsems > container_of(o, struct sem_set, obj)->nsems)
		return -EINVAL;
	return o->id;
}

/*
 * Tries the operations at once: 0 when done (values, pids, undo records
 * and otime updated), SEM_BLOCK with *pend filled when one must wait, or
 * -EAGAIN (it must wait but asked IPC_NOWAIT), -ERANGE (a value would pass
 * SEMVMX or an adjustment its range), -ENOMEM.
 */
static int sem_try(struct sem_set *set, const struct sembuf *sops, unsigned nsops,
		   struct sem_pending *pend)
{
	unsigned short vals[SEMOPM];
	bool undo = false;
	for (unsigned i = 0; i < nsops; i++) {
		const struct sembuf *op = &sops[i];
		int v = set->sems[op->sem_num].val;
		/* Later operations on the same semaphore see earlier ones. */
		for (unsigned j = 0; j < i; j++)
			if (sops[j].sem_num == op->sem_num)
				v = vals[j];
		if (op->sem_op > 0 && v + op->sem_op > SEMVMX)
			return -ERANGE;
		if ((op->sem_op < 0 && v + op->sem_op < 0) || (op->sem_op == 0 && v != 0)) {
			if (op->sem_flg & IPC_NOWAIT)
				return -EAGAIN;
			pend->num = op->sem_num;
			pend->for_zero = op->sem_op == 0;
			return SEM_BLOCK;
		}
		vals[i] = (unsigned short)(v + op->sem_op);
		undo |= (op->sem_flg & SEM_UNDO) && op->sem_op;
	}
	struct sem_undo *u = NULL;
	if (undo) {
		u = sem_undo_find(set, current_pid(), true);
		if (!u)
			return -ENOMEM;
		for (unsigned i = 0; i < nsops; i++) {
			int adj = u->adj[sops[i].sem_num];
			if ((sops[i].sem_flg & SEM_UNDO) &&
			    (adj - sops[i].sem_op < -SEMVMX - 1 || adj - sops[i].sem_op > SEMVMX))
				return -ERANGE;
		}
	}
	bool changed = false;
	for (unsigned i = 0; i < nsops; i++) {
		struct sem *s = &set->sems[sops[i].sem_num];
		s->val = vals[i];
		s->pid = current_pid();
		changed |= sops[i].sem_op != 0;
		if (u && (sops[i].sem_flg & SEM_UNDO))
			u->adj[sops[i].sem_num] -= sops[i].sem_op;
	}
	set->otime = (long)clock_realtime_sec();
	if (changed)
		wake_up(&set->wait);
	return 0;
}

/* Sleeps until the operations are done, the set goes (-EIDRM), a signal (-EINTR) or the deadline (-EAGAIN). */
static int sem_wait_op(struct sem_set *set, const struct sembuf *sops, unsigned nsops,
		       uint64_t deadline)
{
	struct sem_pending pend;
	int r = sem_try(set, sops, nsops, &pend);
	if (r != SEM_BLOCK)
		return r;
	struct waiter w;
	list_init(&w.link);
	set->refs++;
	list_add_tail(&pend.link, &set->pending);
	for (;;) {
		prepare_to_wait(&set->wait, &w, true);
		if (set->removed) {
			r = -EIDRM;
			break;
		}
		r = sem_try(set, sops, nsops, &pend);
		if (r != SEM_BLOCK)
			break;
		if (task_signal_pending()) {
			r = -EINTR;
			break;
		}
		if (deadline && clock_monotonic_ns() >= deadline) {
			r = -EAGAIN;
			break;
		}
		if (deadline)
			sched_timer_arm(current, deadline);
		schedule();
	}
	finish_wait(&set->wait, &w);
	if (deadline)
		sched_timer_cancel(current);
	list_del(&pend.link);
	sem_set_put(set);
	return r;
}

/* A relative semtimedop timeout as a monotonic deadline (0: none); 0 or -EFAULT, -EINVAL. */
static int sem_deadline(const struct timespec *utimeout, uint64_t *deadline)
{
	*deadline = 0;
	if (!utimeout)
		return 0;
	struct timespec ts;
	if (copy_from_user(&ts, utimeout, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	uint64_t ns = ts.tv_sec > 1000000000LL ? UINT64_MAX / 2
					       : (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	*deadline = clock_monotonic_ns() + ns;
	if (!*deadline)
		*deadline = 1;
	return 0;
}

long sys_semtimedop(int semid, struct sembuf *usops, unsigned int nsops,
		    const struct timespec *utimeout)
{
	if (nsops == 0)
		return -EINVAL;
	if (nsops > SEMOPM)
		return -E2BIG;
	struct sembuf *sops = kmalloc(sizeof(*sops) * nsops);
	if (!sops)
		return -ENOMEM;
	uint64_t deadline;
	long r = -EFAULT;
	if (copy_from_user(sops, usops, sizeof(*sops) * nsops))
		goto out_free;
	if ((r = sem_deadline(utimeout, &deadline)))
		goto out_free;
	struct sem_set *set = sem_find(semid);
	r = -EINVAL;
	if (!set)
		goto out_free;
	bool alter = false;
	r = -EFBIG;
	for (unsigned i = 0; i < nsops; i++) {
		if (sops[i].sem_num >= set->nsems)
			goto out_free;
		alter |= sops[i].sem_op != 0;
	}
	if ((r = ipc_check_perm(&set->obj, alter ? 0222 : 0444)))
		goto out_free;
	r = sem_wait_op(set, sops, nsops, deadline);
out_free:
	kfree(sops);
	return r;
}

long sys_semop(int semid, struct sembuf *sops, unsigned int nsops)
{
	return sys_semtimedop(semid, sops, nsops, NULL);
}

static int sem_count_pending(struct sem_set *set, int num, bool for_zero)
{
	int n = 0;
	struct sem_pending *p;
	list_for_each_entry(p, &set->pending, link)
		n += p->num == num && p->for_zero == for_zero;
	return n;
}

static void sem_rmid(struct sem_set *set)
{
	ipc_remove(&sem_ids, &set->obj);
	set->removed = true;
	wake_up(&set->wait);
	sem_set_put(set);
}

static long sem_stat(struct sem_set *set, struct semid64_ds *uds)
{
	struct semid64_ds ds = { 0 };
	ds.sem_perm = set->obj.perm;
	ds.sem_otime = set->otime;
	ds.sem_ctime = set->ctime;
	ds.sem_nsems = (unsigned long)set->nsems;
	return copy_to_user(uds, &ds, sizeof(ds)) ? -EFAULT : 0;
}

static long sem_setall(struct sem_set *set, const unsigned short *uarr)
{
	unsigned short *vals = kmalloc(sizeof(*vals) * (size_t)set->nsems);
	if (!vals)
		return -ENOMEM;
	long r = 0;
	if (copy_from_user(vals, uarr, sizeof(*vals) * (size_t)set->nsems)) {
		r = -EFAULT;
		goto out_free;
	}
	for (int i = 0; i < set->nsems; i++)
		if (vals[i] > SEMVMX) {
			r = -ERANGE;
			goto out_free;
		}
	for (int i = 0; i < set->nsems; i++) {
		set->sems[i].val = vals[i];
		set->sems[i].pid = current_pid();
	}
	sem_undo_clear(set, -1);
	set->ctime = (long)clock_realtime_sec();
	wake_up(&set->wait);
out_free:
	kfree(vals);
	return r;
}

static long sem_getall(struct sem_set *set, unsigned short *uarr)
{
	unsigned short *vals = kmalloc(sizeof(*vals) * (size_t)set->nsems);
	if (!vals)
		return -ENOMEM;
	for (int i = 0; i < set->nsems; i++)
		vals[i] = set->sems[i].val;
	long r = copy_to_user(uarr, vals, sizeof(*vals) * (size_t)set->nsems) ? -EFAULT : 0;
	kfree(vals);
	return r;
}

long sys_semctl(int semid, int semnum, int cmd, unsigned long arg)
{
	struct sem_set *set = sem_find(semid);
	if (!set)
		return -EINVAL;
	bool one = cmd == GETVAL || cmd == GETPID || cmd == GETNCNT || cmd == GETZCNT ||
		   cmd == SETVAL;
	if (one && (semnum < 0 || semnum >= set->nsems))
		return -EINVAL;
	int err;
	switch (cmd) {
	case IPC_STAT:
	case GETVAL:
	case GETPID:
	case GETNCNT:
	case GETZCNT:
	case GETALL:
		if ((err = ipc_check_perm(&set->obj, 0444)))
			return err;
		break;
	case SETVAL:
	case SETALL:
		if ((err = ipc_check_perm(&set->obj, 0222)))
			return err;
		break;
	case IPC_SET:
	case IPC_RMID:
		if (!ipc_is_owner(&set->obj))
			return -EPERM;
		break;
	default:
		return -EINVAL; /* FIXME: IPC_INFO, SEM_INFO and SEM_STAT (ipcs) */
	}
	switch (cmd) {
	case IPC_STAT:
		return sem_stat(set, (struct semid64_ds *)arg);
	case IPC_SET: {
		struct semid64_ds ds;
		if (copy_from_user(&ds, (void *)arg, sizeof(ds)))
			return -EFAULT;
		err = ipc_set_perm(&set->obj, &ds.sem_perm);
		if (!err)
			set->ctime = (long)clock_realtime_sec();
		return err;
	}
	case IPC_RMID:
		sem_rmid(set);
		return 0;
	case GETVAL:
		return set->sems[semnum].val;
	case GETPID:
		return set->sems[semnum].pid;
	case GETNCNT:
		return sem_count_pending(set, semnum, false);
	case GETZCNT:
		return sem_count_pending(set, semnum, true);
	case GETALL:
		return sem_getall(set, (unsigned short *)arg);
	case SETVAL: {
		int val = (int)arg;
		if (val < 0 || val > SEMVMX)
			return -ERANGE;
		set->sems[semnum].val = (unsigned short)val;
		set->sems[semnum].pid = current_pid();
		sem_undo_clear(set, semnum);
		set->ctime = (long)clock_realtime_sec();
		wake_up(&set->wait);
		return 0;
	}
	default: /* SETALL */
		return sem_setall(set, (unsigned short *)arg);
	}
}
