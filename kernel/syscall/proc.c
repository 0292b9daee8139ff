/* Process system calls: thin argument checks around proc/. */
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <errno.h>
#include <mm/vm.h>
#include <proc/futex.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/futex.h>
#include <uapi/prctl.h>
#include <uapi/sched.h>
#include <uapi/signal.h>
#include <uapi/time.h>

long sys_fork(void)
{
	return do_clone(SIGCHLD, 0, NULL, NULL, 0);
}

long sys_vfork(void)
{
	return do_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0);
}

long sys_clone(unsigned long flags, unsigned long newsp, int *parent_tid, int *child_tid,
	       unsigned long tls)
{
	return do_clone(flags, newsp, parent_tid, child_tid, tls);
}

long sys_execve(const char *path, const char *const *argv, const char *const *envp)
{
	return do_execve(path, (char *const *)argv, (char *const *)envp, true);
}

long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}

long sys_exit_group(int status)
{
	do_exit_group((status & 0xff) << 8);
}

long sys_getpid(void)
{
	return current_proc()->pid;
}

long sys_getppid(void)
{
	struct process *parent = current_proc()->parent;
	return parent ? parent->pid : 0;
}

long sys_gettid(void)
{
	return current->tid;
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->tid;
}

long sys_sched_yield(void)
{
	sched_yield();
	return 0;
}

long sys_arch_prctl(int code, unsigned long addr)
{
	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_TOP)
			return -EPERM;
		current->fs_base = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return copy_to_user((void *)addr, &current->fs_base, sizeof(uint64_t));
	case ARCH_SET_GS:
	case ARCH_GET_GS:
		return -EINVAL; /* the kernel owns GS */
	default:
		return -EINVAL;
	}
}

/* Converts a user timeout (relative, or absolute on clock) to a monotonic deadline. */
static int timeout_to_deadline(const struct timespec *uts, bool absolute, uint64_t *deadline)
{
	*deadline = 0;
	if (!uts)
		return 0;
	struct timespec ts;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	uint64_t ns = (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	if ((uint64_t)ts.tv_sec > 100000000000ULL)
		ns = UINT64_MAX / 2;
	uint64_t now = clock_monotonic_ns();
	*deadline = absolute ? MAX(ns, 1) : now + MAX(ns, 1);
	return 0;
}

long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *timeout,
	       uint32_t *uaddr2, uint32_t val3)
{
	struct mm *mm = current_proc()->mm;
	int cmd = op & FUTEX_CMD_MASK;
	uint64_t deadline;
	int err;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (cmd == FUTEX_WAIT_BITSET && val3 == 0)
			return -EINVAL;
		/* FIXME: FUTEX_CLOCK_REALTIME absolute timeouts are taken as monotonic. */
		err = timeout_to_deadline(timeout, cmd == FUTEX_WAIT_BITSET, &deadline);
		if (err)
			return err;
		return futex_wait(mm, uaddr, val, deadline);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if ((uintptr_t)uaddr & 3)
			return -EINVAL;
		return futex_wake(mm, (uintptr_t)uaddr, (int)MIN(val, (uint32_t)INT32_MAX));
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE: {
		if (((uintptr_t)uaddr | (uintptr_t)uaddr2) & 3)
			return -EINVAL;
		if (cmd == FUTEX_CMP_REQUEUE) {
			uint32_t cur;
			if (copy_from_user(&cur, uaddr, sizeof(cur)))
				return -EFAULT;
			if (cur != val3)
				return -EAGAIN;
		}
		int n2 = (int)MIN((uintptr_t)timeout, (uintptr_t)INT32_MAX);
		return futex_requeue(mm, (uintptr_t)uaddr, (uintptr_t)uaddr2,
				     (int)MIN(val, (uint32_t)INT32_MAX), n2);
	}
	default:
		return -ENOSYS;
	}
}
