/*
 * What /proc shows about processes (kernel/proc/procinfo.c): snapshots and
 * referenced pieces of a process found by PID, so procfs never reaches into
 * struct process itself. Each call finds the process afresh; a PID that is
 * gone gives -ESRCH or NULL. A zombie is still found (state 'Z'), but has
 * no memory, files or directories any more.
 */
#ifndef CAIRN_PROC_PROCINFO_H
#define CAIRN_PROC_PROCINFO_H

#include <proc/task.h>
#include <types.h>

struct mm;
struct file;
struct inode;

struct proc_info {
	int pid, ppid, pgid, sid;
	char state; /* R running, S sleeping, D uninterruptible, T stopped, Z zombie */
	char comm[TASK_COMM_LEN];
	uint32_t uid, euid, suid, gid, egid, sgid;
	uint32_t umask;
	unsigned nr_threads;
	int nice;
	unsigned cpu; /* the CPU the first thread last ran on */
	uint64_t utime_ns, stime_ns;   /* all threads, live and exited */
	uint64_t cutime_ns, cstime_ns; /* reaped children */
	uint64_t start_ns;             /* monotonic time of creation */
	uint64_t sig_pending, sig_blocked; /* the first thread's */
	/* Memory (zero for a zombie). */
	uint64_t vsize;     /* bytes mapped */
	uint64_t rss_pages; /* pages present */
	uint64_t start_brk, brk, start_stack, arg_start, arg_end, env_start, env_end;
};

/* Fills *out for the process pid: 0 or -ESRCH. */
int procinfo_get(int pid, struct proc_info *out);
/* Writes up to max PIDs, in ascending order, into pids; returns how many. */
size_t procinfo_pids(int *pids, size_t max);
/* The process's address space with a reference (mm_put it), or NULL. */
struct mm *procinfo_mm(int pid);
/* The process's working directory / root directory, referenced, or NULL. */
struct inode *procinfo_cwd(int pid);
struct inode *procinfo_root(int pid);
/* The file behind descriptor fd of the process, referenced (file_put it), or NULL. */
struct file *procinfo_fd(int pid, int fd);
/* Writes up to max open descriptor numbers, ascending, into fds; returns how many. */
size_t procinfo_fds(int pid, int *fds, size_t max);

#endif
