/*
 * Sending and receiving on a POSIX message queue (docs/ipc.md). Messages
 * are kept highest priority first and in arrival order within a priority.
 * A full queue blocks senders and an empty one receivers, unless the
 * descriptor is O_NONBLOCK (EAGAIN); the timeout is an absolute
 * CLOCK_REALTIME time (ETIMEDOUT once it has passed), and a signal ends the
 * wait with EINTR.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/time.h>

#include "mqueue_impl.h"

/*
 * An absolute CLOCK_REALTIME timeout as a monotonic deadline: 0 for none,
 * 1 when it has passed already. 0 or -EFAULT, -EINVAL.
 */
static int mq_deadline(const struct timespec *uabs, uint64_t *deadline)
{
	*deadline = 0;
	if (!uabs)
		return 0;
	struct timespec ts;
	if (copy_from_user(&ts, uabs, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	uint64_t abs_ns = ts.tv_sec > 4000000000LL
			      ? UINT64_MAX / 2
			      : (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	uint64_t now = clock_realtime_ns();
	*deadline = abs_ns <= now ? 1 : clock_monotonic_ns() + (abs_ns - now);
	return 0;
}

/*
 * Sleeps on q until ready(q) holds: 0, or -EINTR, -ETIMEDOUT. The caller
 * has checked ready(q) is false and the descriptor blocks.
 */
static int mq_wait(struct mqueue *q, bool (*ready)(struct mqueue *q), uint64_t deadline)
{
	struct waiter w;
	list_init(&w.link);
	int r = 0;
	for (;;) {
		prepare_to_wait(&q->wait, &w, true);
		if (ready(q))
			break;
		if (task_signal_pending()) {
			r = -EINTR;
			break;
		}
		if (deadline && clock_monotonic_ns() >= deadline) {
			r = -ETIMEDOUT;
			break;
		}
		if (deadline)
			sched_timer_arm(current, deadline);
		schedule();
	}
	finish_wait(&q->wait, &w);
	if (deadline)
		sched_timer_cancel(current);
	return r;
}

static bool has_room(struct mqueue *q)
{
	return q->curmsgs < q->maxmsg;
}

static bool has_msg(struct mqueue *q)
{
	return q->curmsgs > 0;
}

static void mq_insert(struct mqueue *q, struct mq_msg *m)
{
	struct mq_msg *it;
	list_for_each_entry(it, &q->msgs, link)
	{
		if (it->prio < m->prio) {
			list_add_tail(&m->link, &it->link); /* before the first lower priority */
			goto out;
		}
	}
	list_add_tail(&m->link, &q->msgs);
out:
	q->curmsgs++;
}

long sys_mq_timedsend(int mqd, const char *umsg, size_t len, unsigned int prio,
		      const struct timespec *uabs)
{
	struct file *f;
	struct mqueue *q = mq_from_fd(mqd, &f);
	if (!q)
		return -EBADF;
	long r = -EBADF;
	if ((f->flags & O_ACCMODE) == O_RDONLY)
		goto out_put;
	r = -EINVAL;
	if (prio >= MQ_PRIO_MAX)
		goto out_put;
	uint64_t deadline;
	if ((r = mq_deadline(uabs, &deadline)))
		goto out_put;
	r = -EMSGSIZE;
	if (len > (size_t)q->msgsize)
		goto out_put;
	struct mq_msg *m = kmalloc(sizeof(*m) + len);
	r = -ENOMEM;
	if (!m)
		goto out_put;
	m->prio = prio;
	m->len = len;
	r = -EFAULT;
	if (copy_from_user(m->data, umsg, len))
		goto out_free;
	if (!has_room(q)) {
		r = -EAGAIN;
		if (f->flags & O_NONBLOCK)
			goto out_free;
		if ((r = mq_wait(q, has_room, deadline)))
			goto out_free;
	}
	bool was_empty = q->curmsgs == 0;
	mq_insert(q, m);
	wake_up(&q->wait);
	mq_notify_arrival(q, was_empty);
	r = 0;
	goto out_put;
out_free:
	kfree(m);
out_put:
	file_put(f);
	return r;
}

long sys_mq_timedreceive(int mqd, char *ubuf, size_t len, unsigned int *uprio,
			 const struct timespec *uabs)
{
	struct file *f;
	struct mqueue *q = mq_from_fd(mqd, &f);
	if (!q)
		return -EBADF;
	long r = -EBADF;
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		goto out_put;
	r = -EMSGSIZE;
	if (len < (size_t)q->msgsize)
		goto out_put;
	uint64_t deadline;
	if ((r = mq_deadline(uabs, &deadline)))
		goto out_put;
	if (!has_msg(q)) {
		r = -EAGAIN;
		if (f->flags & O_NONBLOCK)
			goto out_put;
		q->receivers++;
		r = mq_wait(q, has_msg, deadline);
		q->receivers--;
		if (r)
			goto out_put;
	}
	struct mq_msg *m = list_first_entry(&q->msgs, struct mq_msg, link);
	list_del(&m->link);
	q->curmsgs--;
	wake_up(&q->wait);
	/* As in Linux, a message whose copy-out faults is lost. */
	if (copy_to_user(ubuf, m->data, m->len) ||
	    (uprio && copy_to_user(uprio, &m->prio, sizeof(m->prio))))
		r = -EFAULT;
	else
		r = (long)m->len;
	kfree(m);
out_put:
	file_put(f);
	return r;
}
