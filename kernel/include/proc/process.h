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
struct tty;

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

	/* Sessions and job control (proc/pgrp.c, proc/jobctl.c; docs/signals.md). */
	bool did_exec;              /* exec'ed since fork: the parent's setpgid gets EACCES */
	struct tty *ctty;           /* the controlling terminal, NULL if none */
	bool stopped;               /* job-control stopped: its threads sleep in TASK_STOPPED */
	int stop_sig;               /* the signal that stopped it */
	int wait_report;            /* WAIT_REPORT_* not yet collected by the parent's wait */

	/* Interval timers (proc/itimer.c) and POSIX timers (proc/posix_timer.c). */
	struct itimers *itimers;    /* NULL until setitimer/alarm is first used */
	struct posix_timer *posix_timers;

	/*
	 * Signals sent to the process (kill, sigqueue, the terminal, timers):
	 * pending for the whole thread group until a thread that does not
	 * block one takes it (proc/signal.c, proc/sigqueue.c).
	 */
	uint64_t shared_pending;
	struct sigqueue *shared_queue;
	unsigned shared_queued;
};

/* A stop or continue the parent has not collected with wait4/waitid yet. */
#define WAIT_REPORT_STOPPED 1
#define WAIT_REPORT_CONTINUED 2

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

/*
 * Process groups and sessions (proc/pgrp.c). The POSIX rules of setpgid(2)
 * and setsid(2); 0 or -Exxx.
 */
int pgrp_setpgid(int pid, int pgid);
int pgrp_setsid(void);
/* True when some process, zombies included, is in process group pgid (of session sid, if sid > 0). */
bool pgrp_exists(int pgid, int sid);
/*
 * True when process group pgid is orphaned: no live member other than
 * ignore has a parent in a different group of the same session.
 */
bool pgrp_is_orphaned(int pgid, const struct process *ignore);
/* Sends sig to every live member of pgid; 0, or -ESRCH when there is none. */
int pgrp_signal(int pgid, int sig);
/*
 * The exiting process p may orphan its own group and its children's: each
 * group that becomes orphaned with a stopped member gets SIGHUP then SIGCONT.
 * Called before p's children are reparented.
 */
void pgrp_exit_orphans(struct process *p);

/* The process owning the calling task (NULL in kernel threads). */
static inline struct process *current_proc(void)
{
	return current->proc;
}

#endif
