/* The arch half of task switching: initial stacks, FPU state, per-CPU stack pointers. */
#ifndef CAIRN_ARCH_CONTEXT_H
#define CAIRN_ARCH_CONTEXT_H

#include <types.h>

struct task;
struct trap_frame;

/* Prepares t's kernel stack so its first switch-in runs fn(arg). */
void arch_context_init_kthread(struct task *t, void (*fn)(void *), void *arg);
/*
 * Prepares t's kernel stack so its first switch-in returns to user mode with
 * the registers in *frame (copied to the top of t's kernel stack).
 */
void arch_context_init_user(struct task *t, const struct trap_frame *frame);
/* Sets up the FPU image of a new task (default control words). */
void arch_fpu_init(struct task *t);
/* Called just before switching from prev to next: FPU, TSS and FS base. */
void arch_context_switch_prepare(struct task *prev, struct task *next);
/* Points a user frame at a new program: rip, rsp, default flags, other registers zero. */
void arch_user_frame_reset(struct trap_frame *tf, uintptr_t entry, uintptr_t sp);
/* Leaves the kernel for user mode with the registers in tf (on this task's kernel stack). */
__noreturn void arch_enter_user(struct trap_frame *tf);
/* The trap frame slot at the top of t's kernel stack. */
struct trap_frame *arch_task_user_frame(struct task *t);
/* Enables the FPU/SSE for user programs on this CPU. */
void arch_fpu_cpu_init(void);

#endif
