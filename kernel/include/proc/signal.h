/*
 * Signals, the part the process issue needs: sending to a process, faults
 * turned into signals, and delivery of default actions on the way back to
 * user mode. Handlers run through signal frames once the signals issue lands;
 * until then a handled signal is recorded but only its default action applies
 * (docs/syscalls.md lists rt_sigaction as partial).
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
/* A synchronous signal from a fault: unblocked and reset to the default action. */
void signal_force(struct task *t, int sig);
/*
 * Acts on one pending unblocked signal of the current task. Returns true if
 * it did something (the caller loops), false when nothing was pending.
 * Does not return when the action terminates the process.
 */
bool signal_deliver_pending(struct trap_frame *tf);
bool task_signal_pending(void);

#endif
