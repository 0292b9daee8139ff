/*
 * Job control: stopping and continuing whole processes (proc/signal.h).
 *
 * A process stops when one of its threads acts on a stop signal with the
 * default action: the process is marked stopped, the parent is told (SIGCHLD
 * unless it set SA_NOCLDSTOP, and its wait queue), and every thread, on its
 * way back to user mode, parks in TASK_STOPPED (a sleeping thread is woken:
 * task_signal_pending() is true for a stopped process, and the interrupted
 * call restarts after the continue). SIGCONT, when it is sent, clears the
 * mark, wakes the parked threads and tells the parent again. SIGKILL wakes a
 * parked thread, which then dies.
 */
#include <arch/irqflags.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <uapi/signal.h>

/* Tells p's parent that p stopped or continued. */
static void notify_parent(struct process *p, int report)
{
	struct process *parent = p->parent;
	p->wait_report = report;
	if (!parent)
		return;
	if (!(parent->sigactions[SIGCHLD].sa_flags & SA_NOCLDSTOP)) {
		if (report == WAIT_REPORT_STOPPED)
			signal_notify_parent(p, CLD_STOPPED, p->stop_sig);
		else
			signal_notify_parent(p, CLD_CONTINUED, SIGCONT);
	}
	wake_up(&parent->child_wait);
}

static void discard_stop_signals(struct process *p)
{
	sigqueue_discard_all(p, SIGSTOP);
	sigqueue_discard_all(p, SIGTSTP);
	sigqueue_discard_all(p, SIGTTIN);
	sigqueue_discard_all(p, SIGTTOU);
}

void jobctl_on_send(struct process *p, int sig)
{
	struct task *t;
	if (sig == SIGCONT) {
		discard_stop_signals(p);
		if (!p->stopped)
			return;
		p->stopped = false;
		notify_parent(p, WAIT_REPORT_CONTINUED);
		list_for_each_entry(t, &p->threads, thread_link)
			if (t->state == TASK_STOPPED)
				sched_wake(t);
	} else if (signal_default_stops(sig)) {
		sigqueue_discard_all(p, SIGCONT);
	}
}

void jobctl_stop(struct process *p, int sig)
{
	/* POSIX: the terminal's stop signals do not stop an orphaned group. */
	if (sig != SIGSTOP && pgrp_is_orphaned(p->pgid, NULL))
		return;
	if (p->stopped || p->exiting)
		return;
	p->stopped = true;
	p->stop_sig = sig;
	notify_parent(p, WAIT_REPORT_STOPPED);
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
		if (t != current && t->state == TASK_INTERRUPTIBLE)
			sched_wake(t);
}

void jobctl_stop_wait(void)
{
	struct task *t = current;
	struct process *p = t->proc;
	unsigned long flags = arch_irq_save();
	while (p->stopped && !(signal_pending_set(t) & SIGMASK(SIGKILL))) {
		t->state = TASK_STOPPED;
		schedule();
	}
	t->state = TASK_RUNNING;
	arch_irq_restore(flags);
}
