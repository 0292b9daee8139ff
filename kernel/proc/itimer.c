/*
 * Interval timers: setitimer(2), getitimer(2) and alarm(2).
 *
 * ITIMER_REAL counts wall time on a kernel timer and sends SIGALRM;
 * ITIMER_VIRTUAL and ITIMER_PROF count the CPU time of the process, charged
 * a tick at a time by the timer interrupt, and send SIGVTALRM and SIGPROF.
 * FIXME: the scheduler does not split user from system time, so
 * ITIMER_VIRTUAL counts both, like ITIMER_PROF. A timer with an interval
 * re-arms itself when it fires. The timers survive exec and are not
 * inherited by fork.
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

struct itimers {
	struct process *owner;
	struct ktimer real;
	uint64_t real_interval;
	uint64_t left[3], interval[3]; /* ITIMER_VIRTUAL and ITIMER_PROF (index 0 unused) */
};

static void real_fired(struct ktimer *kt)
{
	struct itimers *it = container_of(kt, struct itimers, real);
	if (it->real_interval)
		ktimer_arm(kt, kt->expires + it->real_interval);
	signal_send(it->owner, SIGALRM);
}

static struct itimers *itimers_of(struct process *p)
{
	if (!p->itimers) {
		struct itimers *it = kzalloc(sizeof(*it));
		if (!it)
			return NULL;
		it->owner = p;
		ktimer_init(&it->real, real_fired);
		p->itimers = it;
	}
	return p->itimers;
}

void itimer_charge_cpu(struct process *p, uint64_t ns)
{
	struct itimers *it = p->itimers;
	if (!it || p->zombie)
		return;
	static const int sigs[3] = { 0, SIGVTALRM, SIGPROF };
	for (int which = ITIMER_VIRTUAL; which <= ITIMER_PROF; which++) {
		if (!it->left[which])
			continue;
		if (it->left[which] > ns) {
			it->left[which] -= ns;
			continue;
		}
		it->left[which] = it->interval[which];
		signal_send(p, sigs[which]);
	}
}

static uint64_t tv_to_ns(const struct timeval *tv)
{
	if ((uint64_t)tv->tv_sec > 100000000000ULL)
		return UINT64_MAX / 4;
	return (uint64_t)tv->tv_sec * NSEC_PER_SEC + (uint64_t)tv->tv_usec * 1000;
}

static struct timeval ns_to_tv(uint64_t ns)
{
	/* A timer that has time left never reads as 0: round up to the microsecond. */
	uint64_t us = (ns + 999) / 1000;
	return (struct timeval){ (long)(us / 1000000), (long)(us % 1000000) };
}

/* Reads timer which of it into *out. */
static void get(struct itimers *it, int which, struct itimerval *out)
{
	memset(out, 0, sizeof(*out));
	if (!it)
		return;
	if (which == ITIMER_REAL) {
		uint64_t now = clock_monotonic_ns();
		if (ktimer_armed(&it->real))
			out->it_value = ns_to_tv(it->real.expires > now ? it->real.expires - now : 1);
		out->it_interval = ns_to_tv(it->real_interval);
	} else {
		out->it_value = ns_to_tv(it->left[which]);
		out->it_interval = ns_to_tv(it->interval[which]);
	}
}

long sys_getitimer(int which, struct itimerval *value)
{
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	struct itimerval v;
	get(current_proc()->itimers, which, &v);
	return copy_to_user(value, &v, sizeof(v));
}

/* Sets timer which; the old setting goes to *old. 0 or -ENOMEM. */
static int set(struct process *p, int which, const struct itimerval *nv, struct itimerval *old)
{
	struct itimers *it = itimers_of(p);
	if (!it)
		return -ENOMEM;
	get(it, which, old);
	uint64_t value = tv_to_ns(&nv->it_value), interval = tv_to_ns(&nv->it_interval);
	if (which == ITIMER_REAL) {
		ktimer_cancel(&it->real);
		it->real_interval = interval;
		if (value)
			ktimer_arm(&it->real, clock_monotonic_ns() + value);
	} else {
		unsigned long flags = arch_irq_save();
		it->left[which] = value;
		it->interval[which] = interval;
		arch_irq_restore(flags);
	}
	return 0;
}

static bool tv_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

long sys_setitimer(int which, const struct itimerval *value, struct itimerval *ovalue)
{
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	struct itimerval nv, old;
	if (!value)
		memset(&nv, 0, sizeof(nv)); /* Linux takes NULL as "disarm" */
	else if (copy_from_user(&nv, value, sizeof(nv)))
		return -EFAULT;
	if (!tv_valid(&nv.it_value) || !tv_valid(&nv.it_interval))
		return -EINVAL;
	int err = set(current_proc(), which, &nv, &old);
	if (err)
		return err;
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_alarm(unsigned int seconds)
{
	struct itimerval nv, old;
	memset(&nv, 0, sizeof(nv));
	nv.it_value.tv_sec = seconds;
	if (set(current_proc(), ITIMER_REAL, &nv, &old) < 0)
		return 0;
	/* The seconds left, rounded to the nearest, at least 1 when a timer was set. */
	long left = old.it_value.tv_sec + (old.it_value.tv_usec >= 500000);
	if (!left && old.it_value.tv_usec)
		left = 1;
	return left;
}

void timers_process_exit(struct process *p)
{
	posix_timers_exec(p);
	if (p->itimers) {
		ktimer_cancel(&p->itimers->real);
		kfree(p->itimers);
		p->itimers = NULL;
	}
}
