/*
 * Waiting for signals: rt_sigpending, rt_sigsuspend, pause and
 * rt_sigtimedwait (proc/signal.h). rt_sigsuspend and pause always end with
 * EINTR once a handler ran (never restarted); rt_sigtimedwait takes a signal
 * of its set off the queue instead of running its handler.
 */
#include <errno.h>
#include <lib/string.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <proc/signal.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/signal.h>
#include <uapi/time.h>

#define UNBLOCKABLE (SIGMASK(SIGKILL) | SIGMASK(SIGSTOP))

long sys_rt_sigpending(uint64_t *set, size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	struct task *t = current;
	/* Both the thread's own and the process's pending signals (sigpending(2)). */
	uint64_t pending = signal_pending_set(t) & t->sig_blocked;
	return copy_to_user(set, &pending, sizeof(pending));
}

/* Sleeps until a signal is pending (or the process stops). */
static void sleep_for_signal(void)
{
	struct task *t = current;
	for (;;) {
		t->state = TASK_INTERRUPTIBLE;
		if (task_signal_pending())
			break;
		schedule();
	}
	t->state = TASK_RUNNING;
}

long sys_pause(void)
{
	sleep_for_signal();
	return -EINTR;
}

long sys_rt_sigsuspend(const uint64_t *umask, size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	uint64_t mask;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	signal_set_temp_mask(mask);
	sleep_for_signal();
	return -EINTR; /* the old mask comes back after the handler */
}

long sys_rt_sigtimedwait(const uint64_t *uset, struct siginfo *uinfo,
			 const struct timespec *uts, size_t sigsetsize)
{
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	uint64_t set;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~UNBLOCKABLE;
	uint64_t deadline = 0;
	if (uts) {
		struct timespec ts;
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
			return -EINVAL;
		uint64_t ns = (uint64_t)ts.tv_sec > 100000000000ULL
				      ? UINT64_MAX / 2
				      : (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
		deadline = clock_monotonic_ns() + ns;
	}
	struct task *t = current;
	uint64_t saved = t->sig_blocked;
	long ret;
	/* The awaited signals wake the sleep: unblock them while waiting. */
	t->sig_blocked &= ~set;
	for (;;) {
		t->state = TASK_INTERRUPTIBLE;
		uint64_t ready = signal_pending_set(t) & set;
		if (ready) {
			ret = __builtin_ctzll(ready) + 1;
			break;
		}
		if (deadline && clock_monotonic_ns() >= deadline) {
			ret = -EAGAIN;
			break;
		}
		if (task_signal_pending()) {
			ret = -EINTR;
			break;
		}
		if (deadline)
			sched_timer_arm(t, deadline);
		schedule();
	}
	t->state = TASK_RUNNING;
	if (deadline)
		sched_timer_cancel(t);
	t->sig_blocked = saved;
	if (ret > 0) {
		struct siginfo info;
		sigqueue_take(t, (int)ret, &info);
		if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
			return -EFAULT;
	}
	return ret;
}
