/*
 * Signals, the part the process issue needs: sending to a process, faults
 * turned into signals, and delivery of default actions on the way back to
 * user mode: default actions, or a handler run on a Linux-layout signal frame
 * (arch/x86_64/signal_frame.c) that rt_sigreturn undoes. Still missing (the
 * signals issue): the alternate stack, queued real-time signals, stop and
 * continue.
 */
#ifndef CAIRN_PROC_SIGNAL_H
#define CAIRN_PROC_SIGNAL_H

#include <types.h>

struct process;
struct task;
struct trap_frame;

#define SIGMASK(sig) (1ULL << ((sig)-1))

/* Makes sig pending for the process (on a thread that does not block it). 0 or -EINVAL. */
int signal_send(struct process *p, int sig);
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
bool task_signal_pending(void);

#endif
