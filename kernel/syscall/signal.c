/* Signal system calls, as far as the process issue needs them (see proc/signal.h). */
#include <errno.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <uaccess.h>
#include <uapi/signal.h>

long sys_rt_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *oact,
		      size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	struct process *p = current_proc();
	struct k_sigaction old = p->sigactions[sig];
	if (act) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		struct k_sigaction n;
		if (copy_from_user(&n, act, sizeof(n)))
			return -EFAULT;
		n.sa_mask &= ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
		p->sigactions[sig] = n;
		/* Setting SIG_IGN discards what is pending. */
		if ((uintptr_t)n.sa_handler == SIG_IGN) {
			struct task *t;
			list_for_each_entry(t, &p->threads, thread_link)
				t->sig_pending &= ~SIGMASK(sig);
		}
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *oset, size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	struct task *t = current;
	uint64_t old = t->sig_blocked;
	if (set) {
		uint64_t s;
		if (copy_from_user(&s, set, sizeof(s)))
			return -EFAULT;
		s &= ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
		switch (how) {
		case SIG_BLOCK:
			t->sig_blocked |= s;
			break;
		case SIG_UNBLOCK:
			t->sig_blocked &= ~s;
			break;
		case SIG_SETMASK:
			t->sig_blocked = s;
			break;
		default:
			return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* FIXME: pid 0, -1 and -pgrp arrive with job control; a positive pid works. */
long sys_kill(int pid, int sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid <= 0)
		return -ENOSYS;
	struct process *p = process_find(pid);
	if (!p || p->zombie)
		return -ESRCH;
	struct process *me = current_proc();
	if (me->euid != 0 && me->euid != p->uid && me->uid != p->uid)
		return -EPERM;
	if (sig == 0)
		return 0;
	return signal_send(p, sig);
}
