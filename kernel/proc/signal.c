/*
 * Signal sending and default actions (see proc/signal.h).
 */
#include <errno.h>
#include <printk.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <uapi/signal.h>

/* Default action of each signal: ignore, or terminate (with core dump flag). */
static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool default_core(int sig)
{
	return sig == SIGQUIT || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT ||
	       sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV || sig == SIGXCPU ||
	       sig == SIGXFSZ || sig == SIGSYS;
}

bool task_signal_pending(void)
{
	struct task *t = current;
	return (t->sig_pending & ~t->sig_blocked) != 0;
}

int signal_send(struct process *p, int sig)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->zombie)
		return 0;
	struct task *t, *target = NULL;
	list_for_each_entry(t, &p->threads, thread_link)
	{
		if (!(t->sig_blocked & SIGMASK(sig)) || sig == SIGKILL) {
			target = t;
			break;
		}
	}
	if (!target) {
		/* Every thread blocks it: leave it pending on the first. */
		if (list_empty(&p->threads))
			return 0;
		target = list_first_entry(&p->threads, struct task, thread_link);
	}
	target->sig_pending |= SIGMASK(sig);
	if (target->state == TASK_INTERRUPTIBLE && (!(target->sig_blocked & SIGMASK(sig)) ||
						    sig == SIGKILL))
		sched_wake(target);
	return 0;
}

void signal_force(struct task *t, int sig)
{
	t->sig_blocked &= ~SIGMASK(sig);
	if (t->proc) {
		struct k_sigaction *sa = &t->proc->sigactions[sig];
		if ((uintptr_t)sa->sa_handler == SIG_IGN)
			sa->sa_handler = (void *)SIG_DFL;
	}
	t->sig_pending |= SIGMASK(sig);
}

bool signal_deliver_pending(struct trap_frame *tf)
{
	(void)tf;
	struct task *t = current;
	uint64_t ready = t->sig_pending & ~(t->sig_blocked & ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP)));
	if (!ready || !t->proc)
		return false;
	int sig = __builtin_ctzll(ready) + 1;
	t->sig_pending &= ~SIGMASK(sig);
	struct k_sigaction *sa = &t->proc->sigactions[sig];
	uintptr_t handler = (uintptr_t)sa->sa_handler;
	if (sig != SIGKILL && sig != SIGSTOP && handler == SIG_IGN)
		return true;
	if (sig != SIGKILL && handler != SIG_DFL && handler != SIG_IGN) {
		/* FIXME: handlers run once the signals issue adds signal frames; apply the default. */
		pr_debug("signal: %d has a handler in pid %d; default action applied\n", sig,
			 t->proc->pid);
	}
	if (sig == SIGKILL && t->proc->exiting)
		do_exit(t->proc->exit_status);
	if (default_ignored(sig) || sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	    sig == SIGTTOU) {
		/* FIXME: stopping arrives with job control; until then stop signals are ignored. */
		return true;
	}
	do_exit_group(sig | (default_core(sig) ? 0x80 : 0));
}
