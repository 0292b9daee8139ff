/*
 * Signal sending and delivery (see proc/signal.h): a signal is a pending bit
 * on one thread (tkill, tgkill, faults) or on the whole process (kill,
 * sigqueue, the terminal: the shared set, which any thread not blocking the
 * signal takes); on the way back to user mode a thread acts on its pending
 * unblocked signals, its own and the shared ones, one at a time: a handler
 * on a signal frame, or the default action. Stopping and continuing live in proc/jobctl.c.
 */
#include <arch/signal.h>
#include <arch/trap.h>
#include <errno.h>
#include <lib/string.h>
#include <printk.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <uapi/signal.h>

/*
 * Default action of each signal (signal(7)): ignore, stop, terminate with the
 * core flag, or terminate.
 */
static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

bool signal_default_stops(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static bool default_core(int sig)
{
	return sig == SIGQUIT || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT ||
	       sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV || sig == SIGXCPU ||
	       sig == SIGXFSZ || sig == SIGSYS;
}

void signal_set_temp_mask(uint64_t mask)
{
	struct task *t = current;
	t->saved_sigmask = t->sig_blocked;
	t->restore_sigmask = true;
	t->sig_blocked = mask & ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
}

void signal_end_temp_mask(long ret)
{
	struct task *t = current;
	if (ret != -EINTR && t->restore_sigmask) {
		t->restore_sigmask = false;
		t->sig_blocked = t->saved_sigmask;
	}
}

bool task_signal_pending(void)
{
	struct task *t = current;
	if (t->proc && t->proc->stopped)
		return true; /* the sleep ends so that the thread can stop too */
	return (signal_pending_set(t) & ~t->sig_blocked) != 0;
}

bool signal_ignored_or_blocked(struct task *t, int sig)
{
	uintptr_t h = (uintptr_t)t->proc->sigactions[sig].sa_handler;
	return (t->sig_blocked & SIGMASK(sig)) || h == SIG_IGN;
}

/* Wakes t for sig if it sleeps interruptibly without blocking sig (or sig is SIGKILL). */
static void wake_for(struct task *t, int sig)
{
	if (t->state == TASK_INTERRUPTIBLE && (!(t->sig_blocked & SIGMASK(sig)) || sig == SIGKILL))
		sched_wake(t);
	else if (t->state == TASK_STOPPED && sig == SIGKILL)
		sched_wake(t);
}

int signal_send_task_info(struct task *t, int sig, const struct siginfo *info)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (!t->proc || t->proc->zombie)
		return 0;
	jobctl_on_send(t->proc, sig);
	int err = sigqueue_add(t, sig, info);
	if (err)
		return err;
	t->sig_pending |= SIGMASK(sig);
	wake_for(t, sig);
	return 0;
}

/* The siginfo of a signal the kernel itself sends. */
static struct siginfo kernel_info(int sig)
{
	struct siginfo info;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	return info;
}

int signal_send_task(struct task *t, int sig)
{
	struct siginfo info = kernel_info(sig);
	return signal_send_task_info(t, sig, &info);
}

int signal_send_info(struct process *p, int sig, const struct siginfo *info)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->zombie || list_empty(&p->threads))
		return 0;
	jobctl_on_send(p, sig);
	int err = sigqueue_add_shared(p, sig, info);
	if (err)
		return err;
	/*
	 * Wake one thread that does not block it, a sleeping one first; a
	 * running one takes it on its way back to user mode. When every thread
	 * blocks it, it waits in the shared set for one to unblock it.
	 */
	struct task *t, *target = NULL;
	list_for_each_entry(t, &p->threads, thread_link)
	{
		if ((t->sig_blocked & SIGMASK(sig)) && sig != SIGKILL)
			continue;
		if (!target || t->state == TASK_INTERRUPTIBLE || t->state == TASK_STOPPED)
			target = t;
		if (t->state == TASK_INTERRUPTIBLE)
			break;
	}
	if (target)
		wake_for(target, sig);
	return 0;
}

int signal_send(struct process *p, int sig)
{
	struct siginfo info = kernel_info(sig);
	return signal_send_info(p, sig, &info);
}

void signal_notify_parent(struct process *child, int code, int status)
{
	struct process *parent = child->parent;
	if (!parent)
		return;
	struct siginfo info;
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = code;
	info.si_pid = child->pid;
	info.si_uid = child->uid;
	info.si_status = status;
	signal_send_info(parent, SIGCHLD, &info);
}

void signal_force_fault(struct task *t, int sig, int code, uint64_t addr)
{
	t->fault_sig = sig;
	t->fault_code = code;
	t->fault_addr = addr;
	signal_force(t, sig);
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

/*
 * System calls that are never restarted after a handler, whatever
 * SA_RESTART says (they report EINTR); after a stop or an ignored signal
 * they restart like the others (Linux's ERESTARTNOHAND).
 */
static bool no_restart(uint64_t nr)
{
	return nr == 7 /* poll */ || nr == 23 /* select */ || nr == 34 /* pause */ ||
	       nr == 35 /* nanosleep */ || nr == 65 /* semop */ || nr == 220 /* semtimedop */ ||
	       nr == 128 /* rt_sigtimedwait */ ||
	       nr == 130 /* rt_sigsuspend */ || nr == 230 /* clock_nanosleep */ ||
	       nr == 270 /* pselect6 */ || nr == 271 /* ppoll */;
}

/*
 * If tf is a system call interrupted by a signal, arranges for it to run
 * again on return to user mode (the signal was ignored, or its handler asked
 * for SA_RESTART).
 */
static void maybe_restart(struct trap_frame *tf, bool restart, bool handler)
{
	if (tf->vector != SYSCALL_FRAME || (int64_t)tf->rax != -EINTR || !restart ||
	    (handler && no_restart(tf->error)))
		return;
	struct task *t = current;
	if (t->restore_sigmask) {
		/* The call sets its temporary mask again when it runs again. */
		t->restore_sigmask = false;
		t->sig_blocked = t->saved_sigmask;
	}
	tf->rax = tf->error;
	tf->rip -= 2; /* the syscall instruction */
}

bool signal_deliver_pending(struct trap_frame *tf)
{
	struct task *t = current;
	if (!t->proc)
		return false;
	uint64_t pending = signal_pending_set(t);
	if (t->proc->stopped && !(pending & SIGMASK(SIGKILL))) {
		/* A stopped call runs again after SIGCONT, as Linux's ERESTARTSYS does. */
		maybe_restart(tf, true, false);
		jobctl_stop_wait();
		return true;
	}
	uint64_t ready = pending & ~(t->sig_blocked & ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP)));
	if (!ready) {
		if (t->restore_sigmask) {
			t->restore_sigmask = false;
			t->sig_blocked = t->saved_sigmask;
		}
		return false;
	}
	int sig = __builtin_ctzll(ready) + 1;
	struct siginfo info;
	sigqueue_take(t, sig, &info);
	struct k_sigaction *sa = &t->proc->sigactions[sig];
	uintptr_t handler = (uintptr_t)sa->sa_handler;
	if (sig == SIGKILL && t->proc->exiting)
		do_exit(t->proc->exit_status);
	if (sig != SIGKILL && sig != SIGSTOP && handler == SIG_IGN) {
		maybe_restart(tf, true, false);
		return true;
	}
	if (sig != SIGKILL && sig != SIGSTOP && handler != SIG_DFL) {
		if (sig == t->fault_sig) {
			memset(&info, 0, sizeof(info));
			info.si_signo = sig;
			info.si_code = t->fault_code;
			info.si_addr = (void *)t->fault_addr;
			t->fault_sig = 0;
		}
		maybe_restart(tf, sa->sa_flags & SA_RESTART, true);
		/* After ppoll/pselect6/rt_sigsuspend the handler returns to the saved mask. */
		uint64_t old_mask = t->restore_sigmask ? t->saved_sigmask : t->sig_blocked;
		t->restore_sigmask = false;
		t->sig_blocked = old_mask;
		if (arch_signal_frame_setup(tf, sig, &info, sa, old_mask) < 0) {
			/* No room for the frame (or no restorer): die as Linux does. */
			pr_debug("signal: cannot set up a frame for %d in pid %d\n", sig, t->proc->pid);
			do_exit_group(SIGSEGV | 0x80);
		}
		t->sig_blocked |= sa->sa_mask & ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
		if (!(sa->sa_flags & SA_NODEFER))
			t->sig_blocked |= SIGMASK(sig);
		if (sa->sa_flags & SA_RESETHAND) {
			sa->sa_handler = (void *)SIG_DFL;
			sa->sa_flags &= ~SA_SIGINFO;
		}
		return true;
	}
	if (signal_default_stops(sig)) {
		/* The next turn of the caller's loop waits in jobctl_stop_wait(). */
		jobctl_stop(t->proc, sig);
		maybe_restart(tf, true, false);
		return true;
	}
	if (default_ignored(sig)) {
		maybe_restart(tf, true, false);
		return true;
	}
	do_exit_group(sig | (default_core(sig) ? 0x80 : 0));
}

long sys_rt_sigreturn(void)
{
	struct task *t = current;
	uint64_t mask;
	if (arch_signal_return(t->user_frame, &mask) < 0) {
		/* A corrupt or missing frame: the process cannot continue. */
		do_exit_group(SIGSEGV | 0x80);
	}
	t->sig_blocked = mask & ~(SIGMASK(SIGKILL) | SIGMASK(SIGSTOP));
	return (long)t->user_frame->rax; /* dispatch stores it back unchanged */
}
