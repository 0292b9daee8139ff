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
	struct rlimit rlimits[16];
	bool zombie;                /* every thread has exited */
	int exit_status;            /* wait status (Linux encoding) once a zombie */
	bool exiting;               /* exit_group in progress */
	struct wait_queue child_wait;   /* woken when a child changes state */
	uint64_t start_ns;
	uint64_t cutime_ns, cstime_ns;  /* reaped children's times */
	struct list_head all_link;  /* in the global process list */
	char comm[TASK_COMM_LEN];
	struct k_sigaction *sigactions; /* 64 entries, shared by the threads */
};

/* The process owning the calling task (NULL in kernel threads). */
static inline struct process *current_proc(void)
{
	return current->proc;
}

#endif
