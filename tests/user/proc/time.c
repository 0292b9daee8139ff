/*
 * The time calls: clock_gettime(2) and clock_getres(2) for CLOCK_REALTIME
 * and CLOCK_MONOTONIC, gettimeofday(2), time(2), nanosleep(2) (sleeps at
 * least as asked, rejects bad requests), times(2) and getrusage(2) (CPU time
 * is accounted to the process and, after wait4, to its parent as children's
 * time).
 */
#include "rt.h"

#include <uapi/auxv.h>

#define NS 1000000000LL

static int64_t ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * NS + ts->tv_nsec;
}

static int64_t clock_ns(int clock)
{
	struct timespec ts = {0, 0};
	sys_clock_gettime(clock, &ts);
	return ts_ns(&ts);
}

static long tv_us(const struct timeval *tv)
{
	return tv->tv_sec * 1000000L + tv->tv_usec;
}

/* Spins for ms milliseconds of wall time, mostly in user mode. */
static void spin_ms(long ms)
{
	int64_t end = rt_now_ns() + ms * 1000000LL;
	volatile unsigned long x = 0;
	while (rt_now_ns() < end) {
		for (int i = 0; i < 100000; i++)
			x += (unsigned long)i;
	}
}

static int busy_child(void *arg)
{
	spin_ms((long)arg);
	return 0;
}

static void test_clocks(void)
{
	struct timespec a, b;
	long r = sys_clock_gettime(CLOCK_MONOTONIC, &a);
	T_OK(r == 0 && a.tv_nsec >= 0 && a.tv_nsec < NS,
	     "clock_gettime(CLOCK_MONOTONIC) (%ld: %lld.%09ld)", r, (long long)a.tv_sec, a.tv_nsec);
	bool monotonic = true;
	for (int i = 0; i < 1000; i++) {
		sys_clock_gettime(CLOCK_MONOTONIC, &b);
		monotonic &= ts_ns(&b) >= ts_ns(&a) && b.tv_nsec < NS;
		a = b;
	}
	T_OK(monotonic, "CLOCK_MONOTONIC never goes backwards over 1000 reads");

	r = sys_clock_gettime(CLOCK_REALTIME, &a);
	T_OK(r == 0 && a.tv_sec > 1577836800 && a.tv_nsec >= 0 && a.tv_nsec < NS,
	     "CLOCK_REALTIME is after 2020 (%lld)", (long long)a.tv_sec);
	struct timeval tv;
	r = sys_gettimeofday(&tv, NULL);
	T_OK(r == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 && tv.tv_sec - a.tv_sec >= 0 &&
	         tv.tv_sec - a.tv_sec <= 2,
	     "gettimeofday agrees with CLOCK_REALTIME (%lld, %lld)", (long long)tv.tv_sec,
	     (long long)a.tv_sec);
	int64_t t = 0;
	r = sys_time(&t);
	T_OK(r == t && r - a.tv_sec >= 0 && r - a.tv_sec <= 2,
	     "time() agrees and stores its result (%ld)", r);
	T_OK(sys_time(NULL) >= r, "time(NULL) works");

	struct timespec res = {-1, -1};
	r = sys_clock_getres(CLOCK_MONOTONIC, &res);
	T_OK(r == 0 && res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000,
	     "clock_getres(CLOCK_MONOTONIC) is at most 10 ms (%ld ns)", res.tv_nsec);
	r = sys_clock_getres(CLOCK_REALTIME, &res);
	T_OK(r == 0 && res.tv_nsec > 0, "clock_getres(CLOCK_REALTIME) (%ld ns)", res.tv_nsec);

	r = sys_clock_gettime(1000, &a);
	T_OK(r == -EINVAL, "an unknown clock gives -EINVAL (%ld)", r);
	r = sys_clock_gettime(CLOCK_MONOTONIC, NULL);
	T_OK(r == -EFAULT, "clock_gettime to NULL gives -EFAULT (%ld)", r);
	r = sys_clock_gettime(CLOCK_MONOTONIC, (struct timespec *)0xffff800000000000UL);
	T_OK(r == -EFAULT, "clock_gettime to a kernel address gives -EFAULT (%ld)", r);
}

static void test_nanosleep(void)
{
	struct timespec req = {0, 100 * 1000000L};
	int64_t m0 = clock_ns(CLOCK_MONOTONIC), r0 = clock_ns(CLOCK_REALTIME);
	long r = sys_nanosleep(&req, NULL);
	int64_t slept = clock_ns(CLOCK_MONOTONIC) - m0, real = clock_ns(CLOCK_REALTIME) - r0;
	T_OK(r == 0, "nanosleep(100 ms) returns 0 (%ld)", r);
	T_OK(slept >= 100000000LL && slept < 2 * NS, "it sleeps at least 100 ms (%lld us)",
	     (long long)(slept / 1000));
	T_OK(real >= 90000000LL && real < 3 * NS, "CLOCK_REALTIME advances alike (%lld us)",
	     (long long)(real / 1000));

	req = (struct timespec){1, 500000000L};
	m0 = clock_ns(CLOCK_MONOTONIC);
	r = sys_nanosleep(&req, NULL);
	slept = clock_ns(CLOCK_MONOTONIC) - m0;
	T_OK(r == 0 && slept >= 1500000000LL && slept < 5 * NS,
	     "nanosleep(1.5 s) sleeps at least 1.5 s (%lld ms)", (long long)(slept / 1000000));

	req = (struct timespec){0, 0};
	T_OK(sys_nanosleep(&req, NULL) == 0, "nanosleep(0) returns 0");
	req = (struct timespec){0, 1000000000L};
	r = sys_nanosleep(&req, NULL);
	T_OK(r == -EINVAL, "nanosleep with tv_nsec = 1e9 gives -EINVAL (%ld)", r);
	req = (struct timespec){-1, 0};
	r = sys_nanosleep(&req, NULL);
	T_OK(r == -EINVAL, "nanosleep with tv_sec < 0 gives -EINVAL (%ld)", r);
	r = sys_nanosleep(NULL, NULL);
	T_OK(r == -EFAULT, "nanosleep(NULL) gives -EFAULT (%ld)", r);
}

static void test_cpu_time(void)
{
	unsigned long hz = rt_getauxval(AT_CLKTCK);
	T_OK(hz > 0 && hz <= 1000, "auxv AT_CLKTCK gives the times() tick rate (%lu)", hz);
	if (!hz)
		hz = 100;

	struct tms t0, t1;
	long c0 = sys_times(&t0);
	rt_sleep_ms(200);
	long c1 = sys_times(&t1);
	long ticks = c1 - c0;
	T_OK(c0 >= 0 && ticks >= (long)hz / 10 && ticks <= (long)hz * 2,
	     "times() counts elapsed ticks: about %lu over 200 ms (%ld)", hz / 5, ticks);

	spin_ms(300);
	struct rusage ru;
	long r = sys_getrusage(RUSAGE_SELF, &ru);
	long cpu_us = tv_us(&ru.ru_utime) + tv_us(&ru.ru_stime);
	T_OK(r == 0 && cpu_us >= 100000 && cpu_us < 60 * 1000000L,
	     "getrusage(RUSAGE_SELF) counts CPU time after a 300 ms spin (%ld us)", cpu_us);
	sys_times(&t1);
	T_OK(t1.tms_utime + t1.tms_stime >= (long)hz / 10,
	     "times() counts this process's CPU time (%ld + %ld ticks)", t1.tms_utime,
	     t1.tms_stime);

	r = sys_getrusage(RUSAGE_CHILDREN, &ru);
	long before_us = tv_us(&ru.ru_utime) + tv_us(&ru.ru_stime);
	int st = rt_run_child(busy_child, (void *)300L);
	r = sys_getrusage(RUSAGE_CHILDREN, &ru);
	long child_us = tv_us(&ru.ru_utime) + tv_us(&ru.ru_stime) - before_us;
	T_OK(st == 0 && r == 0 && child_us >= 100000,
	     "getrusage(RUSAGE_CHILDREN) counts a waited-for child's 300 ms spin (%ld us)",
	     child_us);
	sys_times(&t1);
	T_OK(t1.tms_cutime + t1.tms_cstime >= (long)hz / 10,
	     "times() counts waited-for children's CPU time (%ld + %ld ticks)", t1.tms_cutime,
	     t1.tms_cstime);

	r = sys_getrusage(5, &ru);
	T_OK(r == -EINVAL, "getrusage with an unknown who gives -EINVAL (%ld)", r);
	r = sys_getrusage(RUSAGE_SELF, NULL);
	T_OK(r == -EFAULT, "getrusage to NULL gives -EFAULT (%ld)", r);
}

int main(void)
{
	test_clocks();
	test_nanosleep();
	test_cpu_time();
	return t_done();
}
