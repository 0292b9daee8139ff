/* Time system calls: clocks, sleeping, process times. */
#include <errno.h>
#include <lib/string.h>
#include <proc/process.h>
#include <proc/sched.h>
#include <time.h>
#include <uaccess.h>
#include <uapi/resource.h>
#include <uapi/time.h>
#include <uapi/times.h>

static struct timespec ns_to_ts(uint64_t ns)
{
	return (struct timespec){ .tv_sec = (int64_t)(ns / NSEC_PER_SEC),
				  .tv_nsec = (long)(ns % NSEC_PER_SEC) };
}

static uint64_t realtime_ns(void)
{
	return clock_realtime_ns();
}

static uint64_t process_cpu_ns(struct process *p)
{
	uint64_t ns = p->utime_ns + p->stime_ns;
	struct task *t;
	list_for_each_entry(t, &p->threads, thread_link)
		ns += t->utime_ns + t->stime_ns;
	return ns;
}

static int clock_read(int clockid, uint64_t *ns)
{
	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = clock_monotonic_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		*ns = process_cpu_ns(current_proc());
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = current->utime_ns + current->stime_ns;
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(int clockid, struct timespec *tp)
{
	uint64_t ns;
	int err = clock_read(clockid, &ns);
	if (err)
		return err;
	struct timespec ts = ns_to_ts(ns);
	return copy_to_user(tp, &ts, sizeof(ts));
}

long sys_clock_getres(int clockid, struct timespec *res)
{
	uint64_t ns;
	int err = clock_read(clockid, &ns);
	if (err)
		return err;
	if (!res)
		return 0;
	bool coarse = clockid == CLOCK_REALTIME_COARSE || clockid == CLOCK_MONOTONIC_COARSE;
	struct timespec ts = { 0, coarse ? (long)(NSEC_PER_SEC / HZ) : 1 };
	return copy_to_user(res, &ts, sizeof(ts));
}

long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	if (tv) {
		uint64_t ns = realtime_ns();
		struct timeval v = { .tv_sec = (long)(ns / NSEC_PER_SEC),
				     .tv_usec = (long)(ns % NSEC_PER_SEC / 1000) };
		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz) {
		struct timezone z = { 0, 0 };
		if (copy_to_user(tz, &z, sizeof(z)))
			return -EFAULT;
	}
	return 0;
}

long sys_time(int64_t *tloc)
{
	int64_t t = (int64_t)(realtime_ns() / NSEC_PER_SEC);
	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

long sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct timespec ts;
	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	uint64_t ns = (uint64_t)ts.tv_sec > 1000000000000ULL
			      ? UINT64_MAX / 4
			      : (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
	uint64_t start = clock_monotonic_ns();
	int err = sched_sleep_ns(ns);
	if (err == -EINTR && rem) {
		uint64_t slept = clock_monotonic_ns() - start;
		struct timespec left = ns_to_ts(slept < ns ? ns - slept : 0);
		if (copy_to_user(rem, &left, sizeof(left)))
			return -EFAULT;
	}
	return err;
}

static long ns_to_ticks(uint64_t ns)
{
	return (long)(ns / (NSEC_PER_SEC / 100)); /* AT_CLKTCK is 100 */
}

long sys_times(struct tms *buf)
{
	struct process *p = current_proc();
	if (buf) {
		struct tms t = {
			.tms_utime = ns_to_ticks(process_cpu_ns(p)),
			.tms_stime = 0,
			.tms_cutime = ns_to_ticks(p->cutime_ns),
			.tms_cstime = ns_to_ticks(p->cstime_ns),
		};
		if (copy_to_user(buf, &t, sizeof(t)))
			return -EFAULT;
	}
	return ns_to_ticks(clock_monotonic_ns());
}

long sys_getrusage(int who, struct rusage *ru)
{
	struct process *p = current_proc();
	uint64_t ns;
	switch (who) {
	case RUSAGE_SELF:
		ns = process_cpu_ns(p);
		break;
	case RUSAGE_CHILDREN:
		ns = p->cutime_ns + p->cstime_ns;
		break;
	case RUSAGE_THREAD:
		ns = current->utime_ns + current->stime_ns;
		break;
	default:
		return -EINVAL;
	}
	struct rusage r;
	memset(&r, 0, sizeof(r));
	r.ru_utime.tv_sec = (long)(ns / NSEC_PER_SEC);
	r.ru_utime.tv_usec = (long)(ns % NSEC_PER_SEC / 1000);
	return copy_to_user(ru, &r, sizeof(r));
}
