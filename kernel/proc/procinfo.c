/*
 * Process snapshots for /proc (proc/procinfo.h). Like the rest of the
 * process table code this takes no lock over the process list: the kernel
 * is not preempted and processes change only in their own threads, so a
 * walk that does not sleep sees a consistent table. FIXME: SMP scheduling
 * needs a process-table lock here as in process.c.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/vm.h>
#include <proc/procinfo.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <spinlock.h>

static char task_state_char(const struct task *t)
{
	switch (t->state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	case TASK_STOPPED:
		return 'T';
	default:
		return 'Z';
	}
}

int procinfo_get(int pid, struct proc_info *out)
{
	struct process *p = process_find(pid);
	if (!p)
		return -ESRCH;
	memset(out, 0, sizeof(*out));
	out->pid = p->pid;
	out->ppid = p->parent ? p->parent->pid : 0;
	out->pgid = p->pgid;
	out->sid = p->sid;
	memcpy(out->comm, p->comm, sizeof(out->comm));
	out->comm[sizeof(out->comm) - 1] = '\0';
	out->uid = p->uid;
	out->euid = p->euid;
	out->suid = p->suid;
	out->gid = p->gid;
	out->egid = p->egid;
	out->sgid = p->sgid;
	out->umask = p->umask;
	out->nr_threads = p->nr_threads;
	out->utime_ns = p->utime_ns;
	out->stime_ns = p->stime_ns;
	out->cutime_ns = p->cutime_ns;
	out->cstime_ns = p->cstime_ns;
	out->start_ns = p->start_ns;
	out->state = p->zombie ? 'Z' : 'S';

	bool first = true;
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
	{
		out->utime_ns += t->utime_ns;
		out->stime_ns += t->stime_ns;
		if (first && !p->zombie) {
			out->state = task_state_char(t);
			out->nice = t->nice;
			out->cpu = t->cpu;
			out->sig_pending = signal_pending_set(t);
			out->sig_blocked = t->sig_blocked;
			first = false;
		}
	}

	struct mm *mm = p->zombie ? NULL : p->mm;
	if (mm) {
		out->vsize = (uint64_t)mm->mapped_pages * PAGE_SIZE;
		out->rss_pages = vm_resident_pages(mm);
		out->start_brk = mm->brk_start;
		out->brk = mm->brk;
		out->start_stack = mm->stack_top;
		out->arg_start = mm->arg_start;
		out->arg_end = mm->arg_end;
		out->env_start = mm->env_start;
		out->env_end = mm->env_end;
	}
	return 0;
}

size_t procinfo_pids(int *pids, size_t max)
{
	size_t n = 0;
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
	{
		if (p->pid <= 0)
			continue;
		/* Insertion sort: the table is small and mostly in PID order already. */
		if (n == max && p->pid > pids[n - 1])
			continue;
		size_t i = n < max ? n++ : n - 1;
		while (i > 0 && pids[i - 1] > p->pid) {
			pids[i] = pids[i - 1];
			i--;
		}
		pids[i] = p->pid;
	}
	return n;
}

struct mm *procinfo_mm(int pid)
{
	struct process *p = process_find(pid);
	if (!p || p->zombie || !p->mm)
		return NULL;
	mm_get(p->mm);
	return p->mm;
}

struct inode *procinfo_cwd(int pid)
{
	struct process *p = process_find(pid);
	return p && !p->zombie && p->cwd ? inode_get(p->cwd) : NULL;
}

struct inode *procinfo_root(int pid)
{
	struct process *p = process_find(pid);
	if (!p || p->zombie)
		return NULL;
	struct inode *root = p->root ? p->root : vfs_root();
	return root ? inode_get(root) : NULL;
}

struct file *procinfo_fd(int pid, int fd)
{
	struct process *p = process_find(pid);
	if (!p || p->zombie || !p->files)
		return NULL;
	return fd_get(p->files, fd);
}

size_t procinfo_fds(int pid, int *fds, size_t max)
{
	struct process *p = process_find(pid);
	if (!p || p->zombie || !p->files)
		return 0;
	struct fdtable *t = p->files;
	size_t n = 0;
	spin_lock(&t->lock);
	for (unsigned i = 0; i < t->capacity && n < max; i++) {
		if (t->files[i])
			fds[n++] = (int)i;
	}
	spin_unlock(&t->lock);
	return n;
}
