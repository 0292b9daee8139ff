/*
 * The contents of /proc/PID's files and links, in Linux's formats (proc(5)).
 * Times are in clock ticks of USER_HZ (100 per second); fields Cairn does
 * not track (page fault counts, the controlling terminal, real-time
 * scheduling, signal dispositions) are 0, as Linux shows them for a process
 * without them.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <proc/procinfo.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/signal.h>

#include "procfs.h"

#define USER_HZ     100
#define NS_PER_TICK (1000000000ULL / USER_HZ)
/* The most of a process's argument or environment strings shown. */
#define STRINGS_MAX (256 * 1024)

static unsigned long long ticks(uint64_t ns)
{
	return (unsigned long long)(ns / NS_PER_TICK);
}

int procfs_show_pid_stat(struct procfs_buf *b, int pid)
{
	struct proc_info p;
	int err = procinfo_get(pid, &p);
	if (err)
		return err;
	/*
	 * pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt
	 * majflt cmajflt utime stime cutime cstime priority nice num_threads
	 * itrealvalue starttime vsize rss rsslim startcode endcode startstack
	 * kstkesp kstkeip signal blocked sigignore sigcatch wchan nswap cnswap
	 * exit_signal processor rt_priority policy delayacct_blkio_ticks
	 * guest_time cguest_time start_data end_data start_brk arg_start arg_end
	 * env_start env_end exit_code
	 */
	pbuf_printf(b, "%d (%s) %c %d %d %d 0 -1 %u 0 0 0 0 %llu %llu %llu %llu %d %d %u 0 %llu ",
	            p.pid, p.comm, p.state, p.ppid, p.pgid, p.sid, 0x400000u /* PF_RANDOMIZE */,
	            ticks(p.utime_ns), ticks(p.stime_ns), ticks(p.cutime_ns), ticks(p.cstime_ns),
	            20 + p.nice, p.nice, p.nr_threads, ticks(p.start_ns));
	pbuf_printf(b, "%llu %llu %llu 0 0 %llu 0 0 %llu %llu 0 0 0 0 0 %d %u 0 0 0 0 0 0 0 %llu ",
	            (unsigned long long)p.vsize, (unsigned long long)p.rss_pages,
	            (unsigned long long)RLIM_INFINITY, (unsigned long long)p.start_stack,
	            (unsigned long long)p.sig_pending, (unsigned long long)p.sig_blocked, SIGCHLD,
	            p.cpu, (unsigned long long)p.start_brk);
	pbuf_printf(b, "%llu %llu %llu %llu 0\n", (unsigned long long)p.arg_start,
	            (unsigned long long)p.arg_end, (unsigned long long)p.env_start,
	            (unsigned long long)p.env_end);
	return 0;
}

static const char *state_name(char state)
{
	switch (state) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'T':
		return "T (stopped)";
	default:
		return "Z (zombie)";
	}
}

int procfs_show_pid_status(struct procfs_buf *b, int pid)
{
	struct proc_info p;
	int err = procinfo_get(pid, &p);
	if (err)
		return err;
	pbuf_printf(b, "Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n",
	            p.comm, p.umask, state_name(p.state), p.pid, p.pid);
	pbuf_printf(b, "PPid:\t%d\nTracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
	            p.ppid, p.uid, p.euid, p.suid, p.euid, p.gid, p.egid, p.sgid, p.egid);
	pbuf_printf(b, "FDSize:\t%d\nGroups:\t\n", FDTABLE_MAX);
	if (p.state != 'Z') {
		uint64_t size_kb = p.vsize / 1024, rss_kb = p.rss_pages * (PAGE_SIZE / 1024);
		pbuf_printf(
		    b, "VmPeak:\t%8llu kB\nVmSize:\t%8llu kB\nVmHWM:\t%8llu kB\nVmRSS:\t%8llu kB\n",
		    (unsigned long long)size_kb, (unsigned long long)size_kb,
		    (unsigned long long)rss_kb, (unsigned long long)rss_kb);
		pbuf_printf(b, "VmData:\t%8llu kB\n",
		            (unsigned long long)((p.brk - p.start_brk) / 1024));
	}
	pbuf_printf(b, "Threads:\t%u\n", p.nr_threads);
	pbuf_printf(b, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n",
	            (unsigned long long)p.sig_pending, 0ULL, (unsigned long long)p.sig_blocked);
	return 0;
}

int procfs_show_pid_comm(struct procfs_buf *b, int pid)
{
	struct proc_info p;
	int err = procinfo_get(pid, &p);
	if (err)
		return err;
	pbuf_printf(b, "%s\n", p.comm);
	return 0;
}

/* Copies the process's memory [start, end) as it is (NUL-separated strings). */
static int show_strings(struct procfs_buf *b, int pid, bool env)
{
	struct proc_info p;
	int err = procinfo_get(pid, &p);
	if (err)
		return err;
	struct mm *mm = procinfo_mm(pid);
	if (!mm)
		return 0; /* a zombie: empty, as Linux */
	uint64_t start = env ? p.env_start : p.arg_start, end = env ? p.env_end : p.arg_end;
	size_t len = end > start ? (size_t)MIN(end - start, (uint64_t)STRINGS_MAX) : 0;
	char *tmp = len ? kmalloc(len) : NULL;
	if (len && !tmp) {
		mm_put(mm);
		return -ENOMEM;
	}
	size_t got = len ? vm_read_remote(mm, start, tmp, len) : 0;
	mm_put(mm);
	pbuf_write(b, tmp, got);
	kfree(tmp);
	return 0;
}

int procfs_show_pid_cmdline(struct procfs_buf *b, int pid)
{
	return show_strings(b, pid, false);
}

int procfs_show_pid_environ(struct procfs_buf *b, int pid)
{
	return show_strings(b, pid, true);
}

/*
 * "start-end perms offset major:minor inode   path": one line per area,
 * with the path at column 74 as Linux pads it.
 */
int procfs_show_pid_maps(struct procfs_buf *b, int pid)
{
	struct mm *mm = procinfo_mm(pid);
	if (!mm) {
		struct proc_info p;
		return procinfo_get(pid, &p);
	}
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
	{
		struct inode *inode = v->file ? v->file->inode : NULL;
		uint64_t dev = inode && inode->sb ? inode->sb->dev : 0;
		char line[128];
		int n = ksnprintf(
		    line, sizeof(line), "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %llu ",
		    (unsigned long)v->start, (unsigned long)v->end,
		    (v->prot & PROT_READ) ? 'r' : '-', (v->prot & PROT_WRITE) ? 'w' : '-',
		    (v->prot & PROT_EXEC) ? 'x' : '-', (v->flags & VMA_SHARED) ? 's' : 'p',
		    (unsigned long long)(v->file ? v->off : 0), vfs_dev_major(dev),
		    vfs_dev_minor(dev), (unsigned long long)(inode ? inode->ino : 0));
		const char *name = NULL;
		if (v->file)
			name = v->file->path ? v->file->path : "";
		else if (v->flags & VMA_GROWSDOWN)
			name = "[stack]";
		else if (v->flags & VMA_HEAP)
			name = "[heap]";
		if (name && *name)
			pbuf_printf(b, "%-73s%s\n", line, name);
		else
			pbuf_printf(b, "%.*s\n", n - 1, line);
	}
	mm_put(mm);
	return 0;
}

static int copy_target(const char *target, char *buf, size_t size)
{
	size_t n = strlen(target);
	memcpy(buf, target, MIN(n, size));
	return (int)n;
}

int procfs_link_pid_exe(int pid, int fd, char *buf, size_t size)
{
	(void)fd;
	struct mm *mm = procinfo_mm(pid);
	if (!mm)
		return -ENOENT;
	int n = mm->exe_path ? copy_target(mm->exe_path, buf, size) : -ENOENT;
	mm_put(mm);
	return n;
}

/* The path of a directory inode (dropping the reference), or -ENOENT. */
static int dir_target(struct inode *dir, char *buf, size_t size)
{
	if (!dir)
		return -ENOENT;
	char *path = kmalloc(PATH_MAX);
	int n = path ? vfs_path_of(dir, path, PATH_MAX) : -ENOMEM;
	inode_put(dir);
	if (n >= 0)
		n = copy_target(path, buf, size);
	kfree(path);
	return n;
}

int procfs_link_pid_cwd(int pid, int fd, char *buf, size_t size)
{
	(void)fd;
	return dir_target(procinfo_cwd(pid), buf, size);
}

int procfs_link_pid_root(int pid, int fd, char *buf, size_t size)
{
	(void)fd;
	return dir_target(procinfo_root(pid), buf, size);
}

/*
 * What descriptor fd refers to: the path it was opened by, "pipe:[INO]" for
 * a pipe, the path of a directory, or "anon_inode:[INO]".
 */
int procfs_link_pid_fd(int pid, int fd, char *buf, size_t size)
{
	struct file *f = procinfo_fd(pid, fd);
	if (!f)
		return -ENOENT;
	char tmp[48];
	int n;
	struct inode *inode = f->inode;
	if (f->path) {
		n = copy_target(f->path, buf, size);
	} else if (inode && S_ISDIR(inode->mode)) {
		n = dir_target(inode_get(inode), buf, size);
	} else {
		ksnprintf(tmp, sizeof(tmp), "%s:[%llu]",
		          inode && S_ISFIFO(inode->mode) ? "pipe" : "anon_inode",
		          (unsigned long long)(inode ? inode->ino : 0));
		n = copy_target(tmp, buf, size);
	}
	file_put(f);
	return n;
}
