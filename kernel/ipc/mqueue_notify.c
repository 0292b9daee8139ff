/*
 * mq_notify (docs/ipc.md): one process at a time may ask to be told when a
 * message arrives on an empty queue while no receiver is waiting. With
 * SIGEV_SIGNAL it gets sigev_signo with si_code SI_MESGQ, the sender's pid
 * and uid and sigev_value; with SIGEV_NONE nothing is sent. Either way the
 * registration is then gone, as in Linux. SIGEV_THREAD needs Linux's
 * netlink socket and fails with EINVAL.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <uaccess.h>

#include "mqueue_impl.h"

void mq_notify_arrival(struct mqueue *q, bool was_empty)
{
	if (!was_empty || !q->notify_pid || q->receivers)
		return;
	int pid = q->notify_pid;
	q->notify_pid = 0;
	if (q->notify.sigev_notify != SIGEV_SIGNAL)
		return;
	struct process *target = process_find(pid);
	if (!target || target->zombie)
		return;
	struct process *self = current_proc();
	struct siginfo info = { 0 };
	info.si_signo = q->notify.sigev_signo;
	info.si_code = SI_MESGQ;
	info.si_pid = self ? self->pid : 0;
	info.si_uid = self ? self->uid : 0;
	info.si_value = q->notify.sigev_value;
	signal_send_info(target, q->notify.sigev_signo, &info);
}

long sys_mq_notify(int mqd, const struct k_sigevent *usev)
{
	struct file *f;
	struct mqueue *q = mq_from_fd(mqd, &f);
	if (!q)
		return -EBADF;
	int pid = current_proc()->pid;
	long r = 0;
	if (!usev) {
		/* Only the registered process removes its registration. */
		if (q->notify_pid == pid)
			q->notify_pid = 0;
		goto out_put;
	}
	struct k_sigevent ev;
	r = -EFAULT;
	if (copy_from_user(&ev, usev, sizeof(ev)))
		goto out_put;
	r = -EINVAL;
	if (ev.sigev_notify != SIGEV_NONE && ev.sigev_notify != SIGEV_SIGNAL)
		goto out_put;
	if (ev.sigev_notify == SIGEV_SIGNAL && (ev.sigev_signo < 1 || ev.sigev_signo > _NSIG))
		goto out_put;
	r = -EBUSY;
	if (q->notify_pid && process_find(q->notify_pid))
		goto out_put;
	q->notify_pid = pid;
	q->notify = ev;
	r = 0;
out_put:
	file_put(f);
	return r;
}
