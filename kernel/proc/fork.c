/*
 * fork, vfork and clone. A new thread gets a copy of the caller's user
 * registers with rax = 0 and, unless CLONE_VM, a copy-on-write copy of the
 * address space; CLONE_THREAD puts it in the caller's process, otherwise it
 * heads a new process that is a child of the caller (or of the caller's
 * parent with CLONE_PARENT).
 */
#include <arch/context.h>
#include <arch/trap.h>
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <mm/vm.h>
#include <printk.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <uaccess.h>
#include <uapi/sched.h>
#include <uapi/signal.h>

/* Flags this kernel understands; namespaces and the rest are refused. */
#define CLONE_SUPPORTED                                                          \
	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_VFORK | \
	 CLONE_PARENT | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | \
	 CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID | CLONE_UNTRACED | CLONE_IO)

static int check_flags(unsigned long flags)
{
	if (flags & ~(unsigned long)CLONE_SUPPORTED)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	return 0;
}

/* Sets up the process half of a new non-thread child. */
static int clone_process(struct process *parent, struct process *child, struct task *t,
			 unsigned long flags)
{
	child->pid = t->tid;
	child->pgid = parent->pgid;
	child->sid = parent->sid;
	child->ctty = parent->ctty;
	child->uid = parent->uid;
	child->gid = parent->gid;
	child->euid = parent->euid;
	child->egid = parent->egid;
	child->suid = parent->suid;
	child->sgid = parent->sgid;
	child->fsuid = parent->fsuid;
	child->fsgid = parent->fsgid;
	child->ngroups = parent->ngroups;
	memcpy(child->groups, parent->groups, sizeof(child->groups));
	child->umask = parent->umask;
	memcpy(child->rlimits, parent->rlimits, sizeof(child->rlimits));
	memcpy(child->comm, parent->comm, sizeof(child->comm));
	memcpy(child->sigactions, parent->sigactions, sizeof(struct k_sigaction) * (_NSIG + 1));

	if (flags & CLONE_VM) {
		mm_get(parent->mm);
		child->mm = parent->mm;
	} else {
		child->mm = mm_fork(parent->mm);
		if (!child->mm)
			return -ENOMEM;
	}
	child->files = (flags & CLONE_FILES) ? fdtable_get(parent->files)
					     : fdtable_dup(parent->files);
	if (!child->files)
		return -ENOMEM;
	vfs_proc_fork(child, parent);

	struct process *adopter = (flags & CLONE_PARENT) && parent->parent ? parent->parent : parent;
	child->parent = adopter;
	list_add_tail(&child->sibling, &adopter->children);
	return 0;
}

long do_clone(unsigned long flags, unsigned long newsp, int *parent_tid, int *child_tid,
	      unsigned long tls)
{
	struct task *me = current;
	struct process *parent = me->proc;
	int err = check_flags(flags);
	if (err)
		return err;
	if (!(flags & CLONE_THREAD) && parent->uid != 0 &&
	    process_count_uid(parent->uid) >= parent->rlimits[RLIMIT_NPROC].rlim_cur)
		return -EAGAIN;
	if ((flags & CLONE_SETTLS) && tls >= USER_TOP)
		return -EPERM;

	struct task *t = task_alloc(me->comm);
	if (!t)
		return -EAGAIN;
	t->nice = me->nice;
	t->sig_blocked = me->sig_blocked;
	if ((flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		/* A new thread starts without an alternate signal stack; a fork keeps it. */
		t->sas_sp = me->sas_sp;
		t->sas_size = me->sas_size;
	}
	t->fs_base = (flags & CLONE_SETTLS) ? tls : me->fs_base;
	__asm__ volatile("fxsave64 %0" : "=m"(*(uint8_t(*)[512])t->fpu));

	struct process *proc;
	if (flags & CLONE_THREAD) {
		proc = parent;
	} else {
		proc = process_alloc();
		if (!proc) {
			err = -ENOMEM;
			goto out_free_task;
		}
		err = clone_process(parent, proc, t, flags);
		if (err)
			goto out_free_proc;
	}
	t->proc = proc;
	list_add_tail(&t->thread_link, &proc->threads);
	proc->nr_threads++;

	struct trap_frame frame = *me->user_frame;
	frame.rax = 0;
	if (newsp)
		frame.rsp = newsp;
	arch_context_init_user(t, &frame);

	if (flags & CLONE_PARENT_SETTID)
		(void)copy_to_user(parent_tid, &t->tid, sizeof(int));
	if (flags & CLONE_CHILD_CLEARTID)
		t->clear_child_tid = child_tid;
	if (flags & CLONE_CHILD_SETTID) {
		/* Written in the child's address space (the same one with CLONE_VM). */
		mm_activate(proc->mm);
		(void)copy_to_user(child_tid, &t->tid, sizeof(int));
		mm_activate(parent->mm);
	}
	if (flags & CLONE_VFORK) {
		proc->vfork_parent = parent;
		parent->vfork_released = false;
	}

	int tid = t->tid;
	t->state = TASK_RUNNING;
	sched_wake(t);
	if (flags & CLONE_VFORK)
		wait_event(parent->vfork_done, parent->vfork_released);
	return tid;

out_free_proc:
	if (proc->mm)
		mm_put(proc->mm);
	if (proc->files)
		fdtable_put(proc->files);
	process_free(proc);
out_free_task:
	task_free(t);
	return err;
}

/* Wakes a vfork parent once its child has exec'ed or exited. */
void vfork_release(struct process *child)
{
	struct process *parent = child->vfork_parent;
	if (!parent)
		return;
	child->vfork_parent = NULL;
	parent->vfork_released = true;
	wake_up(&parent->vfork_done);
}
