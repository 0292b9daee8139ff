/*
 * The scheduler: one run queue per CPU, ordered by weighted virtual run time
 * (a task's nice value sets its weight, as in Linux's CFS), preemption at
 * time-slice end when returning to user mode, and timed sleeps.
 */
#ifndef CAIRN_PROC_SCHED_H
#define CAIRN_PROC_SCHED_H

#include <proc/task.h>

#define SCHED_SLICE_NS (10 * 1000000ULL)

void sched_init(void);
/* Makes t runnable (from any context, any CPU). */
void sched_wake(struct task *t);
/* Picks the next task and switches to it; the caller set its own state first. */
void schedule(void);
/* Called from the timer interrupt on each CPU. */
void sched_tick(void);
/* True when the current task should give up the CPU at the next safe point. */
bool sched_need_resched(void);
/* Sleeps for ns nanoseconds (interruptible by signals). Returns 0 or -EINTR. */
int sched_sleep_ns(uint64_t ns);
void sched_yield(void);
/* Wakes t (if sleeping) at the given monotonic time; cancel when done waiting. */
void sched_timer_arm(struct task *t, uint64_t deadline_ns);
void sched_timer_cancel(struct task *t);
/* Number of runnable tasks on all run queues (for /proc/loadavg and tests). */
unsigned sched_nr_running(void);
/* Runs this CPU's idle task: schedules whatever becomes runnable, halts otherwise. */
__noreturn void sched_idle_loop(void);

/* Switches kernel stacks; defined in switch.asm. */
void switch_context(uintptr_t *save_ksp, uintptr_t new_ksp);

#endif
