/*
 * POSIX timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun and timer_delete on CLOCK_REALTIME, CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME (the same clock here, as nothing suspends). A timer
 * notifies with SIGEV_SIGNAL (a signal to the process, or to one thread
 * with SIGEV_THREAD_ID) carrying SI_TIMER, si_timerid, si_overrun and the
 * sigev_value, or with SIGEV_NONE (nothing; timer_gettime shows it run
 * down). SIGEV_THREAD is the C library's business: EINVAL here. While the
 * signal of a timer is still queued, further expirations only count as
 * overruns. Timers are per process, deleted by exec and exit.
 */
#include <arch/irqflags.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <proc/timer.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/signal.h>
#include <uapi/time.h>

#define POSIX_TIMER_MAX 64 /* per process */

struct posix_timer {
	struct posix_timer *next;
	int id;
	int clock;
	struct process *owner;
	struct k_sigevent ev;
	struct ktimer kt;
	uint64_t interval;
	int overrun;      /* expirations since the last signal went out */
	int overrun_last; /* what timer_getoverrun reports */
};

static struct posix_timer *find(struct process *p, int id)
{
	for (struct posix_timer *t = p->posix_timers; t; t = t->next)
		if (t->id == id)
			return t;
	return NULL;
}

void posix_timer_dequeued(struct process *p, struct siginfo *info)
{
	struct posix_timer *t = find(p, info->si_timerid);
	if (!t)
		return;
	unsigned long flags = arch_irq_save(); /* the timer interrupt counts too */
	info->si_overrun = t->overrun_last = t->overrun;
	t->overrun = 0;
	arch_irq_restore(flags);
}

static void timer_fired(struct ktimer *kt)
{
	struct posix_timer *t = container_of(kt, struct posix_timer, kt);
	if (t->interval)
		ktimer_arm(kt, kt->expires + t->interval);
	if (t->ev.sigev_notify == SIGEV_NONE)
		return;
	int sig = t->ev.sigev_signo;
	if (sigqueue_has_timer(t->owner, sig, t->id)) {
		if (t->overrun < INT32_MAX)
			t->overrun++;
		return;
	}
	/* si_overrun is filled in when the signal is taken (posix_timer_dequeued). */
	struct siginfo info;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_TIMER;
	info.si_timerid = t->id;
	info.si_value = t->ev.sigev_value;
	if (t->ev.sigev_notify == SIGEV_THREAD_ID) {
		struct task *th;
		list_for_each_entry(th, &t->owner->threads, thread_link)
			if (th->tid == t->ev._sigev_un._tid) {
				signal_send_task_info(th, sig, &info);
				return;
			}
	}
	signal_send_info(t->owner, sig, &info);
}

long sys_timer_create(int clock, struct k_sigevent *uev, int *uid)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return -EINVAL;
	struct process *p = current_proc();
	struct k_sigevent ev;
	memset(&ev, 0, sizeof(ev));
	if (uev) {
		if (copy_from_user(&ev, uev, sizeof(ev)))
			return -EFAULT;
	} else {
		ev.sigev_notify = SIGEV_SIGNAL;
		ev.sigev_signo = SIGALRM;
	}
	switch (ev.sigev_notify) {
	case SIGEV_NONE:
		break;
	case SIGEV_THREAD_ID: {
		bool found = false;
		struct task *th;
		list_for_each_entry(th, &p->threads, thread_link)
			found |= th->tid == ev._sigev_un._tid;
		if (!found)
			return -EINVAL;
	}
		/* fall through */
	case SIGEV_SIGNAL:
		if (ev.sigev_signo < 1 || ev.sigev_signo > _NSIG)
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	int id = 0, n = 0;
	for (struct posix_timer *t = p->posix_timers; t; t = t->next, n++)
		if (t->id >= id)
			id = t->id + 1;
	if (n >= POSIX_TIMER_MAX)
		return -EAGAIN;
	struct posix_timer *t = kzalloc(sizeof(*t));
	if (!t)
		return -EAGAIN;
	t->id = id;
	t->clock = clock;
	t->owner = p;
	t->ev = ev;
	if (!uev)
		t->ev.sigev_value.sival_int = id;
	ktimer_init(&t->kt, timer_fired);
	if (copy_to_user(uid, &id, sizeof(id))) {
		kfree(t);
		return -EFAULT;
	}
	t->next = p->posix_timers;
	p->posix_timers = t;
	return 0;
}

static uint64_t ts_to_ns(const struct timespec *ts)
{
	if ((uint64_t)ts->tv_sec > 100000000000ULL)
		return UINT64_MAX / 4;
	return (uint64_t)ts->tv_sec * NSEC_PER_SEC + (uint64_t)ts->tv_nsec;
}

static struct timespec ns_to_ts(uint64_t ns)
{
	return (struct timespec){ (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
}

static void get(struct posix_timer *t, struct itimerspec *out)
{
	uint64_t now = clock_monotonic_ns();
	memset(out, 0, sizeof(*out));
	if (ktimer_armed(&t->kt))
		out->it_value = ns_to_ts(t->kt.expires > now ? t->kt.expires - now : 1);
	out->it_interval = ns_to_ts(t->interval);
}

static bool ts_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < (long)NSEC_PER_SEC;
}

long sys_timer_settime(int id, int flags, const struct itimerspec *unew, struct itimerspec *uold)
{
	struct posix_timer *t = find(current_proc(), id);
	if (!t)
		return -EINVAL;
	struct itimerspec nv, old;
	if (copy_from_user(&nv, unew, sizeof(nv)))
		return -EFAULT;
	if (!ts_valid(&nv.it_value) || !ts_valid(&nv.it_interval))
		return -EINVAL;
	get(t, &old);
	ktimer_cancel(&t->kt);
	t->interval = ts_to_ns(&nv.it_interval);
	t->overrun = t->overrun_last = 0;
	uint64_t value = ts_to_ns(&nv.it_value), now = clock_monotonic_ns();
	if (value) {
		uint64_t expires = now + value;
		if (flags & TIMER_ABSTIME) {
			uint64_t base = t->clock == CLOCK_REALTIME ? clock_realtime_ns() : now;
			expires = value > base ? now + (value - base) : now;
		}
		ktimer_arm(&t->kt, expires);
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_timer_gettime(int id, struct itimerspec *ucur)
{
	struct posix_timer *t = find(current_proc(), id);
	if (!t)
		return -EINVAL;
	struct itimerspec cur;
	get(t, &cur);
	return copy_to_user(ucur, &cur, sizeof(cur));
}

long sys_timer_getoverrun(int id)
{
	struct posix_timer *t = find(current_proc(), id);
	if (!t)
		return -EINVAL;
	return t->overrun_last;
}

long sys_timer_delete(int id)
{
	struct process *p = current_proc();
	for (struct posix_timer **pp = &p->posix_timers; *pp; pp = &(*pp)->next) {
		struct posix_timer *t = *pp;
		if (t->id != id)
			continue;
		ktimer_cancel(&t->kt);
		*pp = t->next;
		kfree(t);
		return 0;
	}
	return -EINVAL;
}

void posix_timers_exec(struct process *p)
{
	while (p->posix_timers) {
		struct posix_timer *t = p->posix_timers;
		ktimer_cancel(&t->kt);
		p->posix_timers = t->next;
		kfree(t);
	}
}
