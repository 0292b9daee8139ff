/*
 * Processes: a thread group with one address space, one file table, one
 * working directory and one place in the process tree (shared/DESIGN.md).
 */
#ifndef CAIRN_PROC_PROCESS_H
#define CAIRN_PROC_PROCESS_H

#include <list.h>
#include <proc/task.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/resource.h>

/* Supplementary groups a process may have (Linux allows 65536). */
#define CRED_NGROUPS 32

struct mm;
struct fdtable;
struct inode;

struct process {
	int pid;                    /* = tid of the first thread */
	int pgid, sid;
	struct process *parent;
	struct list_head children;  /* struct process, via sibling */
	struct list_head sibling;
	struct list_head threads;   /* struct task, via thread_link */
	unsigned nr_threads;
	struct mm *mm;
	struct fdtable *files;
	struct inode *cwd;
	struct inode *root;
	uint32_t umask;
	uint32_t uid, gid, euid, egid, suid, sgid;
	uint32_t fsuid, fsgid;      /* what file permission checks use (proc/cred.h) */
	int ngroups;                /* supplementary groups */
	uint32_t groups[CRED_NGROUPS];
	struct rlimit rlimits[16];
	bool zombie;                /* every thread has exited */
	int exit_status;            /* wait status (Linux encoding) once a zombie */
	bool exiting;               /* exit_group in progress */
	struct wait_queue child_wait;   /* woken when a child changes state */
	uint64_t start_ns;
	uint64_t utime_ns, stime_ns;    /* exited threads' times */
	uint64_t cutime_ns, cstime_ns;  /* reaped children's times */
	struct list_head all_link;  /* in the global process list */
	char comm[TASK_COMM_LEN];
	struct k_sigaction *sigactions; /* _NSIG + 1 entries, shared by the threads */
	struct wait_queue vfork_done;   /* the vfork parent sleeps here */
	bool vfork_released;            /* set when a vfork child has exec'ed or exited */
	struct process *vfork_parent;
	uint64_t rusage_maxrss_pages;
};

extern struct list_head all_processes;
extern struct process *init_process;

/* Allocates a process with default limits and no resources; NULL on no memory. */
struct process *process_alloc(void);
/* Frees a reaped zombie. */
void process_free(struct process *p);
/* Finds a live or zombie process by PID; NULL if none. */
struct process *process_find(int pid);
/* Number of processes owned by uid (for RLIMIT_NPROC). */
unsigned process_count_uid(uint32_t uid);

/* fork/vfork/clone: returns the child's TID in the parent, or -errno. */
long do_clone(unsigned long flags, unsigned long newsp, int *parent_tid, int *child_tid,
	      unsigned long tls);
void vfork_release(struct process *child);
/* Ends the calling thread; the last thread ends the process. */
__noreturn void do_exit(int wait_status);
/* Ends every thread of the calling process with this wait status. */
__noreturn void do_exit_group(int wait_status);
/* Replaces the calling process's program. Returns only on failure. */
long do_execve(const char *path, char *const *argv, char *const *envp, bool user_ptrs);
/*
 * Turns the calling kernel thread into the first user process (PID 1)
 * running path; returns only on failure.
 */
int process_start_init(const char *path, char *const *argv);

/* The process owning the calling task (NULL in kernel threads). */
static inline struct process *current_proc(void)
{
	return current->proc;
}

#endif
