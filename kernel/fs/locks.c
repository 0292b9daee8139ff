/*
 * File locks: POSIX record locks (fcntl F_GETLK/F_SETLK/F_SETLKW) owned by
 * processes, and flock(2) locks owned by open file descriptions. Locks are
 * few, so one list holds them all under one spinlock, and one wait queue
 * holds every waiter (each re-checks its own conflict when woken).
 *
 * A POSIX lock covers the byte range [start, end] (end inclusive,
 * LOCK_EOF for "to the end of the file, however it grows"). A process's
 * locks on a file never overlap: setting a lock first cuts the process's
 * existing locks out of the range, splitting one if needed. They all go
 * when the process closes any descriptor of the file or exits (POSIX's
 * rule). flock locks cover the whole file and go with their file.
 */
#include <errno.h>
#include <fs/locks.h>
#include <fs/vfs.h>
#include <list.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <uapi/fcntl.h>

#define LOCK_EOF UINT64_MAX

struct file_lock {
	struct inode *inode; /* not a reference: a lock dies before its inode (see above) */
	void *owner;         /* struct process (POSIX) or struct file (flock) */
	bool posix;
	bool write;
	uint64_t start, end;
	int pid; /* the owning process, for F_GETLK */
	struct list_head link;
};

static LIST_HEAD(all_locks);
static struct spinlock locks_lock = SPINLOCK_INIT("locks");
static struct wait_queue locks_wait = WAIT_QUEUE_INIT(locks_wait);

static bool overlaps(const struct file_lock *l, uint64_t start, uint64_t end)
{
	return l->start <= end && start <= l->end;
}

/* The first lock of another owner that conflicts with the request; locks_lock held. */
static struct file_lock *find_conflict(const struct file_lock *req)
{
	struct file_lock *l;
	list_for_each_entry(l, &all_locks, link)
	{
		if (l->inode != req->inode || l->posix != req->posix || l->owner == req->owner)
			continue;
		if ((l->write || req->write) && overlaps(l, req->start, req->end))
			return l;
	}
	return NULL;
}

/*
 * Removes owner's locks on inode within [start, end], splitting a lock that
 * sticks out on both sides into two; spare is a preallocated lock for that
 * split (set to NULL when used). locks_lock held.
 */
static void cut_range(struct inode *inode, void *owner, bool posix, uint64_t start, uint64_t end,
		      struct file_lock **spare)
{
	struct file_lock *l, *next;
	list_for_each_entry_safe(l, next, &all_locks, link)
	{
		if (l->inode != inode || l->owner != owner || l->posix != posix ||
		    !overlaps(l, start, end))
			continue;
		if (l->start < start && l->end > end) {
			struct file_lock *tail = *spare;
			*spare = NULL;
			*tail = *l;
			tail->start = end + 1;
			list_add(&tail->link, &l->link);
			l->end = start - 1;
		} else if (l->start < start) {
			l->end = start - 1;
		} else if (l->end > end) {
			l->start = end + 1;
		} else {
			list_del(&l->link);
			kfree(l);
		}
	}
}

/*
 * Tries to take req (or release its range, for unlock). Returns 0, or
 * -EAGAIN with *holder_pid set when another owner's lock conflicts.
 */
static int try_lock(const struct file_lock *req, bool unlock, int *holder_pid)
{
	struct file_lock *new = unlock ? NULL : kmalloc(sizeof(*new));
	struct file_lock *spare = kmalloc(sizeof(*spare));
	if ((!unlock && !new) || !spare) {
		kfree(new);
		kfree(spare);
		return -ENOLCK;
	}
	int err = 0;
	unsigned long irq = spin_lock_irqsave(&locks_lock);
	struct file_lock *c = unlock ? NULL : find_conflict(req);
	if (c) {
		*holder_pid = c->pid;
		err = -EAGAIN;
	} else {
		cut_range(req->inode, req->owner, req->posix, req->start, req->end, &spare);
		if (new) {
			*new = *req;
			list_add_tail(&new->link, &all_locks);
			new = NULL;
		}
	}
	spin_unlock_irqrestore(&locks_lock, irq);
	kfree(new);
	kfree(spare);
	if (!err)
		wake_up(&locks_wait);
	return err;
}

/*
 * Who waits for whom, for F_SETLKW's deadlock check: each sleeping POSIX
 * waiter's pid and the pid whose lock blocks it. Guarded by locks_lock.
 */
static struct {
	int waiter_pid, holder_pid;
} waits[64];

/* Whether holder waits, directly or through others, for a lock me holds. */
static bool would_deadlock(int me, int holder)
{
	/* Follow holder -> what holder waits for, a few steps. */
	for (int depth = 0; depth < 8; depth++) {
		int next = 0;
		for (unsigned i = 0; i < ARRAY_SIZE(waits); i++)
			if (waits[i].waiter_pid == holder)
				next = waits[i].holder_pid;
		if (!next)
			return false;
		if (next == me)
			return true;
		holder = next;
	}
	return false;
}

/* Records that me waits for holder (0: me no longer waits). */
static void note_wait(int me, int holder)
{
	for (unsigned i = 0; i < ARRAY_SIZE(waits); i++) {
		if (waits[i].waiter_pid == me || !waits[i].waiter_pid) {
			waits[i].waiter_pid = holder ? me : 0;
			waits[i].holder_pid = holder;
			return;
		}
	}
}

/* Takes req, sleeping while it conflicts when wait; detects simple deadlocks. */
static int lock_acquire(const struct file_lock *req, bool wait)
{
	int holder = 0;
	int err = try_lock(req, false, &holder);
	if (err != -EAGAIN || !wait)
		return err;
	int me = req->pid;
	for (;;) {
		unsigned long irq = spin_lock_irqsave(&locks_lock);
		bool cycle = req->posix && would_deadlock(me, holder);
		if (!cycle && req->posix)
			note_wait(me, holder);
		spin_unlock_irqrestore(&locks_lock, irq);
		if (cycle)
			return -EDEADLK;
		err = wait_event_interruptible(locks_wait,
					       (err = try_lock(req, false, &holder)) != -EAGAIN);
		if (err != -EAGAIN)
			break;
	}
	unsigned long irq = spin_lock_irqsave(&locks_lock);
	note_wait(me, 0);
	spin_unlock_irqrestore(&locks_lock, irq);
	return err;
}

/* The byte range of a struct flock as [start, end]; -EINVAL when it is bad. */
static int flock_range(struct file *file, const struct flock *fl, uint64_t *start, uint64_t *end)
{
	int64_t base;
	switch (fl->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)file->pos;
		break;
	case SEEK_END:
		base = (int64_t)file->inode->size;
		break;
	default:
		return -EINVAL;
	}
	int64_t s;
	if (__builtin_add_overflow(base, fl->l_start, &s))
		return -EOVERFLOW;
	if (fl->l_len > 0) {
		*start = (uint64_t)s;
		*end = (uint64_t)s + (uint64_t)fl->l_len - 1;
	} else if (fl->l_len < 0) {
		/* A negative length covers the bytes before l_start. */
		if (s + fl->l_len < 0)
			return -EINVAL;
		*start = (uint64_t)(s + fl->l_len);
		*end = (uint64_t)s - 1;
	} else {
		*start = (uint64_t)s;
		*end = LOCK_EOF;
	}
	return s < 0 ? -EINVAL : 0;
}

int locks_fcntl(struct file *file, int cmd, struct flock *fl)
{
	if (!file->inode)
		return -EBADF;
	struct process *p = current_proc();
	struct file_lock req = {.inode = file->inode, .owner = p, .posix = true, .pid = p->pid};
	int err = flock_range(file, fl, &req.start, &req.end);
	if (err)
		return err;
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK && fl->l_type != F_UNLCK)
		return -EINVAL;
	req.write = fl->l_type == F_WRLCK;

	if (cmd == F_GETLK) {
		if (fl->l_type == F_UNLCK)
			return -EINVAL;
		unsigned long irq = spin_lock_irqsave(&locks_lock);
		struct file_lock *c = find_conflict(&req);
		if (c) {
			fl->l_type = c->write ? F_WRLCK : F_RDLCK;
			fl->l_whence = SEEK_SET;
			fl->l_start = (long)c->start;
			fl->l_len = c->end == LOCK_EOF ? 0 : (long)(c->end - c->start + 1);
			fl->l_pid = c->pid;
		} else {
			fl->l_type = F_UNLCK;
		}
		spin_unlock_irqrestore(&locks_lock, irq);
		return 0;
	}
	if (fl->l_type == F_UNLCK) {
		int unused;
		return try_lock(&req, true, &unused);
	}
	if (req.write ? !file_writable(file) : !file_readable(file))
		return -EBADF;
	return lock_acquire(&req, cmd == F_SETLKW);
}

int locks_flock(struct file *file, int op)
{
	if (!file->inode)
		return -EBADF;
	struct file_lock req = {.inode = file->inode, .owner = file, .posix = false,
				.start = 0, .end = LOCK_EOF, .pid = current_proc()->pid};
	int unused;
	switch (op & ~LOCK_NB) {
	case LOCK_UN:
		return try_lock(&req, true, &unused);
	case LOCK_SH:
	case LOCK_EX:
		req.write = (op & ~LOCK_NB) == LOCK_EX;
		/* Converting releases the old lock first, as Linux does. */
		try_lock(&req, true, &unused);
		int err = lock_acquire(&req, !(op & LOCK_NB));
		return err == -EAGAIN ? -EWOULDBLOCK : err;
	default:
		return -EINVAL;
	}
}

/* Drops every lock of owner (on inode, or on every file when inode is NULL). */
static void remove_owned(void *owner, bool posix, struct inode *inode)
{
	bool any = false;
	struct file_lock *l, *next;
	unsigned long irq = spin_lock_irqsave(&locks_lock);
	list_for_each_entry_safe(l, next, &all_locks, link)
	{
		if (l->owner == owner && l->posix == posix && (!inode || l->inode == inode)) {
			list_del(&l->link);
			kfree(l);
			any = true;
		}
	}
	spin_unlock_irqrestore(&locks_lock, irq);
	if (any)
		wake_up(&locks_wait);
}

void locks_close(struct process *p, struct inode *inode)
{
	remove_owned(p, true, inode);
}

void locks_exit(struct process *p)
{
	remove_owned(p, true, NULL);
}

void locks_release_file(struct file *file)
{
	remove_owned(file, false, NULL);
}
