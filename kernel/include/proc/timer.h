/*
 * Timers that send signals: a kernel timer list checked at every tick of
 * the boot CPU (proc/ktimer.c), the interval timers of setitimer(2) and
 * alarm(2) (proc/itimer.c) and POSIX timers (proc/posix_timer.c). The
 * resolution is the tick (10 ms).
 */
#ifndef CAIRN_PROC_TIMER_H
#define CAIRN_PROC_TIMER_H

#include <list.h>
#include <types.h>

struct process;

/* A one-shot kernel timer: fn runs in the timer interrupt once expires (monotonic ns) passes. */
struct ktimer {
	struct list_head link; /* in the armed list, or empty */
	uint64_t expires;
	void (*fn)(struct ktimer *t);
};

void ktimer_init(struct ktimer *t, void (*fn)(struct ktimer *t));
/* (Re)arms t for the monotonic time expires. Safe from fn itself. */
void ktimer_arm(struct ktimer *t, uint64_t expires);
void ktimer_cancel(struct ktimer *t);
bool ktimer_armed(const struct ktimer *t);
/* Runs the expired timers; called by sched_tick() on the boot CPU. */
void ktimer_tick(uint64_t now);

/* Charges ns of CPU time to p's ITIMER_VIRTUAL and ITIMER_PROF (interrupt context). */
void itimer_charge_cpu(struct process *p, uint64_t ns);
/* Stops p's interval and POSIX timers (exit), or only its POSIX timers (exec). */
void timers_process_exit(struct process *p);
void posix_timers_exec(struct process *p);
/* A POSIX timer's signal is being taken: fills its si_overrun and restarts the count. */
struct siginfo;
void posix_timer_dequeued(struct process *p, struct siginfo *info);

#endif
