/*
 * The poll engine (fs/poll.h): every file in the set is asked for its ready
 * events; on the first pass each also registers the caller on its wait
 * queues. If none is ready the caller sleeps, interruptibly and with its
 * deadline armed, until a wake-up on any of those queues, and then asks
 * again. The task state is set to TASK_INTERRUPTIBLE before the files are
 * asked, so a wake-up that comes between the asking and schedule() is not
 * lost (it makes the task runnable again, and schedule() returns at once).
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <time.h>

void poll_wait(struct poll_table *pt, struct wait_queue *wq)
{
	if (!pt)
		return;
	if (pt->nr == pt->cap) {
		unsigned cap = pt->cap ? pt->cap * 2 : 16;
		struct poll_entry *e = kmalloc(sizeof(*e) * cap);
		if (!e) {
			pt->error = -ENOMEM;
			return;
		}
		/* Moving registered waiters: unlink them, copy, link again. */
		for (unsigned i = 0; i < pt->nr; i++) {
			unsigned long flags = spin_lock_irqsave(&pt->entries[i].wq->lock);
			list_del(&pt->entries[i].w.link);
			spin_unlock_irqrestore(&pt->entries[i].wq->lock, flags);
		}
		if (pt->nr)
			memcpy(e, pt->entries, sizeof(*e) * pt->nr);
		kfree(pt->entries);
		pt->entries = e;
		pt->cap = cap;
		for (unsigned i = 0; i < pt->nr; i++) {
			unsigned long flags = spin_lock_irqsave(&e[i].wq->lock);
			list_add_tail(&e[i].w.link, &e[i].wq->waiters);
			spin_unlock_irqrestore(&e[i].wq->lock, flags);
		}
	}
	struct poll_entry *e = &pt->entries[pt->nr++];
	e->wq = wq;
	e->w.task = current;
	unsigned long flags = spin_lock_irqsave(&wq->lock);
	list_add_tail(&e->w.link, &wq->waiters);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static void poll_table_free(struct poll_table *pt)
{
	for (unsigned i = 0; i < pt->nr; i++) {
		unsigned long flags = spin_lock_irqsave(&pt->entries[i].wq->lock);
		list_del(&pt->entries[i].w.link);
		spin_unlock_irqrestore(&pt->entries[i].wq->lock, flags);
	}
	kfree(pt->entries);
}

unsigned poll_file(struct file *file, struct poll_table *pt)
{
	if (file->ops && file->ops->poll)
		return file->ops->poll(file, pt);
	return POLL_DEFAULT_MASK;
}

/* Asks every file once; returns the number of entries with events. */
static int poll_once(struct pollfd *fds, unsigned n, struct poll_table *pt)
{
	struct fdtable *files = current_proc()->files;
	int ready = 0;
	for (unsigned i = 0; i < n; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		struct file *f = fd_get(files, fds[i].fd);
		if (!f) {
			fds[i].revents = POLLNVAL;
			ready++;
			continue;
		}
		unsigned mask = poll_file(f, pt);
		file_put(f);
		/* POLLERR, POLLHUP and POLLNVAL are reported whether asked for or not. */
		mask &= (unsigned)(uint16_t)fds[i].events | POLLERR | POLLHUP | POLLNVAL;
		fds[i].revents = (short)mask;
		if (mask)
			ready++;
	}
	return ready;
}

int poll_do(struct pollfd *fds, unsigned n, uint64_t deadline)
{
	struct poll_table table = { 0 }, *pt = deadline == UINT64_MAX ? NULL : &table;
	struct task *t = current;
	int ret;
	for (;;) {
		t->state = TASK_INTERRUPTIBLE;
		ret = poll_once(fds, n, pt);
		pt = NULL; /* registered once is enough */
		if (ret || table.error || deadline == UINT64_MAX)
			break;
		if (deadline && clock_monotonic_ns() >= deadline)
			break;
		if (task_signal_pending()) {
			ret = -EINTR;
			break;
		}
		if (deadline)
			sched_timer_arm(t, deadline);
		schedule();
	}
	t->state = TASK_RUNNING;
	if (deadline && deadline != UINT64_MAX)
		sched_timer_cancel(t);
	poll_table_free(&table);
	return table.error && !ret ? table.error : ret;
}
