/*
 * Thread and process exit. A thread that exits clears and wakes its
 * clear_child_tid word (pthread_join); the last thread of a process releases
 * its files and memory, hands its children to init, becomes a zombie holding
 * its wait status, and wakes its parent. The exiting task itself is freed
 * after it has switched away for the last time.
 */
#include <arch/platform.h>
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/locks.h>
#include <fs/vfs.h>
#include <ipc/sysv.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/futex.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <proc/timer.h>
#include <tty.h>
#include <uaccess.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

static void reparent_children(struct process *p)
{
	struct process *c, *tmp;
	bool zombies = false;
	list_for_each_entry_safe(c, tmp, &p->children, sibling)
	{
		list_del(&c->sibling);
		c->parent = init_process;
		list_add_tail(&c->sibling, &init_process->children);
		zombies |= c->zombie;
	}
	if (zombies)
		wake_up(&init_process->child_wait);
}

static void process_exit(struct process *p, int status)
{
	vfork_release(p);
	locks_exit(p);
	sem_exit(p);
	fdtable_put(p->files);
	p->files = NULL;
	vfs_proc_exit(p);
	mm_activate(NULL);
	mm_put(p->mm);
	p->mm = NULL;

	if (p == init_process) {
		pr_notice("init exited with status %d; powering off\n", status);
		vfs_sync_all(); /* every filesystem written back and marked clean */
		arch_poweroff(0);
	}
	timers_process_exit(p);
	if (p->ctty && p->sid == p->pid)
		tty_session_leader_exit(p->ctty, p->sid);
	p->ctty = NULL;
	pgrp_exit_orphans(p);
	reparent_children(p);
	p->exit_status = status;
	p->zombie = true;
	p->stopped = false;
	p->wait_report = 0;

	struct process *parent = p->parent;
	struct k_sigaction *sa = &parent->sigactions[SIGCHLD];
	if ((uintptr_t)sa->sa_handler == SIG_IGN || (sa->sa_flags & SA_NOCLDWAIT)) {
		/* The parent asked not to keep zombies: reap at once. */
		process_free(p);
		wake_up(&parent->child_wait);
		return;
	}
	int code = CLD_EXITED, st = (status >> 8) & 0xff;
	if (status & 0x7f) {
		code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		st = status & 0x7f;
	}
	signal_notify_parent(p, code, st);
	wake_up(&parent->child_wait);
}

void do_exit(int status)
{
	struct task *t = current;
	struct process *p = t->proc;
	if (!p)
		kthread_exit();

	if (t->clear_child_tid) {
		int zero = 0;
		if (copy_to_user(t->clear_child_tid, &zero, sizeof(zero)) == 0)
			futex_wake(p->mm, (uintptr_t)t->clear_child_tid, 1);
	}
	arch_irq_disable();
	list_del(&t->thread_link);
	sigqueue_discard(t, 0);
	p->utime_ns += t->utime_ns;
	p->stime_ns += t->stime_ns;
	if (--p->nr_threads == 0) {
		sigqueue_discard_shared(p, 0);
		process_exit(p, p->exiting ? p->exit_status : status);
	}
	t->state = TASK_DEAD;
	schedule();
	__builtin_unreachable();
}

void do_exit_group(int status)
{
	struct process *p = current->proc;
	if (p && !p->exiting) {
		p->exiting = true;
		p->exit_status = status;
		struct task *t;
		list_for_each_entry(t, &p->threads, thread_link)
		{
			if (t != current) {
				t->sig_pending |= 1ULL << (SIGKILL - 1);
				if (t->state == TASK_INTERRUPTIBLE || t->state == TASK_STOPPED)
					sched_wake(t);
			}
		}
	}
	do_exit(p && p->exiting ? p->exit_status : status);
}
