/*
 * Tasks (threads of execution) and processes (thread groups).
 *
 * Every task has its own kernel stack; a user task also has a process, which
 * owns the address space, the file table, the credentials and the place in
 * the process tree. A process's threads share it (CLONE_THREAD). Kernel
 * threads have no process.
 */
#ifndef CAIRN_PROC_TASK_H
#define CAIRN_PROC_TASK_H

#include <arch/percpu.h>
#include <list.h>
#include <proc/wait.h>
#include <types.h>

#define KSTACK_ORDER 2 /* 16 KiB kernel stacks */
#define KSTACK_SIZE (PAGE_SIZE << KSTACK_ORDER)
#define TASK_COMM_LEN 16

enum task_state {
	TASK_RUNNING,          /* on a run queue or on a CPU */
	TASK_INTERRUPTIBLE,    /* sleeping; signals wake it */
	TASK_UNINTERRUPTIBLE,  /* sleeping; only the awaited event wakes it */
	TASK_STOPPED,
	TASK_ZOMBIE,           /* exited; its parent has not reaped it yet */
	TASK_DEAD,
};

struct process;
struct sigqueue;
struct trap_frame;

struct task {
	uintptr_t ksp;              /* saved kernel stack pointer (switch.asm) */
	void *kstack;               /* lowest address of the kernel stack */
	int tid;
	enum task_state state;
	struct process *proc;       /* NULL for kernel threads */
	char comm[TASK_COMM_LEN];

	/* Scheduling. */
	int nice;                   /* -20 (most CPU) .. 19 */
	uint64_t vruntime;          /* weighted CPU time, in ns */
	uint64_t slice_end;         /* when the current time slice ends (ns) */
	uint64_t last_run;          /* when the task last started running (ns) */
	unsigned cpu;
	bool on_rq;
	struct list_head rq_link;
	uint64_t wake_at;           /* for timed sleeps, 0 if none */
	struct list_head timer_link;

	/* User context. */
	struct trap_frame *user_frame;  /* registers saved on kernel entry from user mode */
	uint64_t fs_base;
	uint8_t fpu[512] __aligned(16); /* fxsave image */
	int *clear_child_tid;
	uint64_t utime_ns, stime_ns;

	/* Signals (proc/signal.h). */
	uint64_t sig_pending;
	uint64_t sig_blocked;
	/*
	 * ppoll, pselect6 and rt_sigsuspend run with a temporary mask; the
	 * saved one comes back once the signals it let through were handled.
	 */
	uint64_t saved_sigmask;
	bool restore_sigmask;
	/* The siginfo of pending signals, oldest first (proc/sigqueue.c). */
	struct sigqueue *sig_queue;
	unsigned sig_queued;
	/* The alternate signal stack (sigaltstack(2)); sas_size 0: none. */
	uintptr_t sas_sp;
	size_t sas_size;
	/* The last synchronous fault signal, for its siginfo. */
	int fault_sig, fault_code;
	uint64_t fault_addr;

	struct list_head thread_link;   /* in proc->threads */
	struct list_head all_link;      /* in the global task list */
	int exit_code;
};

static inline struct task *current_task(void)
{
	return this_cpu()->cur;
}
#define current (current_task())

/* Creates a kernel thread running fn(arg); it is runnable at once. NULL on no memory. */
struct task *kthread_create(void (*fn)(void *), void *arg, const char *name);
/* Ends the calling kernel thread. */
__noreturn void kthread_exit(void);

/* The system-wide limit on tasks (see task.c). */
unsigned task_limit(void);
/* Allocates a task with a kernel stack (not yet runnable); NULL at the limit or out of memory. */
struct task *task_alloc(const char *name);
void task_free(struct task *t);
/* Turns the boot context of this CPU into its idle task. */
void task_init_idle(unsigned cpu);
struct task *task_idle_of(unsigned cpu);
bool task_is_idle(const struct task *t);

#endif
