/*
 * System call dispatch. The arch entry code saves the user registers as a
 * trap frame and calls syscall_dispatch(); the number indexes the table
 * generated from syscalls.tbl (numbers without a handler return -ENOSYS).
 * Before returning to user mode, the work queued for this task runs: signals
 * and rescheduling (return_to_user()).
 */
#include <arch/trap.h>
#include <errno.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <syscalls_gen.h>

bool arch_frame_sysret_safe(const struct trap_frame *tf);

long sys_ni_syscall(void)
{
	return -ENOSYS;
}

void return_to_user(struct trap_frame *tf)
{
	for (;;) {
		if (sched_need_resched())
			schedule();
		if (!signal_deliver_pending(tf))
			break;
	}
}

/* Returns nonzero when the fast sysret path may be used to return. */
int syscall_dispatch(struct trap_frame *tf)
{
	struct task *t = current;
	t->user_frame = tf;
	uint64_t nr = tf->error; /* the entry code stored rax there */
	uint64_t args[6] = { tf->rdi, tf->rsi, tf->rdx, tf->r10, tf->r8, tf->r9 };
	long ret = nr < NR_SYSCALLS ? syscall_table[nr](args) : -ENOSYS;
	tf->rax = (uint64_t)ret;
	return_to_user(tf);
	return arch_frame_sysret_safe(tf);
}
