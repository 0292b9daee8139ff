/*
 * The process table: allocation, lookup by PID, per-user counts, and the
 * first process. PIDs are the TID of a process's first thread.
 */
#include <arch/context.h>
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/process.h>
#include <time.h>
#include <uapi/signal.h>

LIST_HEAD(all_processes);
struct process *init_process;

static const struct rlimit default_rlimits[16] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC] = { 4096, 4096 },
	[RLIMIT_NOFILE] = { 1024, 1024 },
	[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 },
	[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING] = { 1024, 1024 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
};

struct process *process_alloc(void)
{
	struct process *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	p->sigactions = kzalloc(sizeof(struct k_sigaction) * (_NSIG + 1));
	if (!p->sigactions) {
		kfree(p);
		return NULL;
	}
	list_init(&p->children);
	list_init(&p->sibling);
	list_init(&p->threads);
	wait_queue_init(&p->child_wait);
	wait_queue_init(&p->vfork_done);
	memcpy(p->rlimits, default_rlimits, sizeof(p->rlimits));
	p->umask = 022;
	p->start_ns = clock_monotonic_ns();
	list_add_tail(&p->all_link, &all_processes);
	return p;
}

void process_free(struct process *p)
{
	list_del(&p->all_link);
	list_del(&p->sibling);
	kfree(p->sigactions);
	kfree(p);
}

struct process *process_find(int pid)
{
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		if (p->pid == pid)
			return p;
	return NULL;
}

unsigned process_count_uid(uint32_t uid)
{
	unsigned n = 0;
	struct process *p;
	list_for_each_entry(p, &all_processes, all_link)
		if (p->uid == uid && !p->zombie)
			n++;
	return n;
}

int process_start_init(const char *path, char *const *argv)
{
	struct process *p = process_alloc();
	if (!p)
		return -ENOMEM;
	struct task *t = current;
	p->pid = 1;
	p->pgid = p->sid = 1;
	t->tid = 1;
	t->proc = p;
	list_add_tail(&t->thread_link, &p->threads);
	p->nr_threads = 1;
	strlcpy(p->comm, "init", sizeof(p->comm));
	init_process = p;

	p->files = fdtable_create();
	struct file *con;
	if (!p->files || vfs_open("/dev/console", O_RDWR | O_NOCTTY, 0, &con) < 0) {
		pr_err("init: cannot open /dev/console\n");
		return -ENOENT;
	}
	for (int fd = 0; fd < 3; fd++)
		fd_install(p->files, fd == 0 ? con : file_get(con), 0, false);

	char *envp[] = { "HOME=/", "TERM=linux", "PATH=/sbin:/bin:/usr/sbin:/usr/bin", NULL };
	t->user_frame = arch_task_user_frame(t);
	return (int)do_execve(path, argv, envp, false);
}
