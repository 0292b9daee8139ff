/*
 * Signals: sending to a process or a thread, faults turned into signals, and
 * delivery on the way back to user mode: a handler run on a Linux-layout
 * signal frame (arch/x86_64/signal_frame.c) that rt_sigreturn undoes, or the
 * default action (ignore, stop, terminate, terminate with the core flag).
 * Job control (proc/jobctl.c) stops and continues whole processes. See
 * docs/signals.md for what is still missing.
 */
#ifndef CAIRN_PROC_SIGNAL_H
#define CAIRN_PROC_SIGNAL_H

#include <types.h>

struct process;
struct task;
struct trap_frame;

#define SIGMASK(sig) (1ULL << ((sig)-1))

/*
 * Makes sig pending for the process: in its shared set, taken by whichever
 * thread first runs without blocking it (one such thread is woken). 0 or -EINVAL.
 */
int signal_send(struct process *p, int sig);
/* Makes sig pending for one thread (tkill, tgkill). 0 or -EINVAL. */
int signal_send_task(struct task *t, int sig);
/*
 * The same with the siginfo the receiver gets (si_signo is set to sig);
 * -EAGAIN when a real-time signal cannot be queued. signal_send() and
 * signal_send_task() send with si_code SI_KERNEL.
 */
struct siginfo;
int signal_send_info(struct process *p, int sig, const struct siginfo *info);
int signal_send_task_info(struct task *t, int sig, const struct siginfo *info);
/* SIGCHLD to child's parent with si_code code (CLD_*), si_pid, si_uid, si_status. */
void signal_notify_parent(struct process *child, int code, int status);

/*
 * The queue of siginfos (proc/sigqueue.c). sigqueue_add() records info for
 * sig before its pending bit is set (0, or -EAGAIN for a real-time signal
 * over the limit or out of memory); sigqueue_take() removes the oldest
 * entry for sig into *info (SI_KERNEL when there is none) and clears the
 * pending bit when no other is queued; sigqueue_discard() drops every entry
 * of sig (0: of every signal) and its pending bit.
 */
int sigqueue_add(struct task *t, int sig, const struct siginfo *info);
void sigqueue_take(struct task *t, int sig, struct siginfo *info);
void sigqueue_discard(struct task *t, int sig);
/*
 * The same for the process-wide set (p->shared_pending): sigqueue_add_shared()
 * also sets the pending bit. sigqueue_take() takes from the thread's own
 * signals first, then from its process's shared ones.
 * sigqueue_discard_all() discards sig (0: every signal) from every thread
 * of p and from the shared set.
 */
int sigqueue_add_shared(struct process *p, int sig, const struct siginfo *info);
void sigqueue_discard_shared(struct process *p, int sig);
void sigqueue_discard_all(struct process *p, int sig);
/* The signals pending for t: its own and its process's shared ones. */
uint64_t signal_pending_set(const struct task *t);
/* True when a signal of POSIX timer timerid is still queued in p (for overruns). */
bool sigqueue_has_timer(struct process *p, int sig, int timerid);
/* True for the signals whose default action stops the process. */
bool signal_default_stops(int sig);
/* True when t blocks sig or its process ignores it (for SIGTTIN/SIGTTOU). */
bool signal_ignored_or_blocked(struct task *t, int sig);

/*
 * Job control (proc/jobctl.c). jobctl_on_send() runs for every signal sent to
 * p: SIGCONT continues p and discards its pending stop signals, a stop signal
 * discards a pending SIGCONT. jobctl_stop() stops p for sig (the default
 * action of a stop signal; ignored in an orphaned group except SIGSTOP) and
 * tells the parent; jobctl_stop_wait() parks the calling thread while its
 * process is stopped and a SIGKILL is not pending.
 */
void jobctl_on_send(struct process *p, int sig);
void jobctl_stop(struct process *p, int sig);
void jobctl_stop_wait(void);
/*
 * A synchronous signal from a fault at addr (code: SEGV_MAPERR, ...):
 * delivered even if blocked or ignored, like Linux's force_sig.
 */
void signal_force(struct task *t, int sig);
void signal_force_fault(struct task *t, int sig, int code, uint64_t addr);
/*
 * Acts on one pending unblocked signal of the current task. Returns true if
 * it did something (the caller loops), false when nothing was pending.
 * Does not return when the action terminates the process.
 */
bool signal_deliver_pending(struct trap_frame *tf);
/*
 * ppoll, pselect6, rt_sigsuspend: the caller runs with mask until it returns;
 * signal_end_temp_mask(ret) puts the old mask back at once unless ret is
 * -EINTR, in which case that happens after the handlers have run (their
 * frames save the old mask).
 */
void signal_set_temp_mask(uint64_t mask);
void signal_end_temp_mask(long ret);
bool task_signal_pending(void);
/* True when sp lies on t's alternate signal stack. */
bool signal_on_altstack(const struct task *t, uintptr_t sp);

#endif
