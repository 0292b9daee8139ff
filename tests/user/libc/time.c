/*
 * <time.h>, <sys/time.h>, <sys/resource.h> and <sys/mman.h>: clocks and
 * sleeping, localtime()/strftime() with POSIX TZ strings (rules, not zone
 * files), resource limits and usage, and memory mappings. Calls the kernel
 * may not have yet (setitimer, msync) are accepted failing with ENOSYS,
 * and only that way.
 */
#define _GNU_SOURCE
#define AREA "libc-time"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static long ms_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static void check_clocks(void)
{
	struct timespec t0 = {0, 0}, t1 = {0, 0}, res, req = {0, 50 * 1000 * 1000};
	struct timeval tv;

	CHECK(clock_gettime(CLOCK_MONOTONIC, &t0) == 0 && nanosleep(&req, NULL) == 0 &&
	          clock_gettime(CLOCK_MONOTONIC, &t1) == 0 && ms_between(&t0, &t1) >= 50,
	      "nanosleep(50 ms) sleeps at least 50 ms on CLOCK_MONOTONIC (%ld)",
	      ms_between(&t0, &t1));
	CHECK(clock_getres(CLOCK_REALTIME, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0,
	      "clock_getres(CLOCK_REALTIME) is under a second");
	CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec > 1600000000 && tv.tv_usec < 1000000,
	      "gettimeofday() is after 2020");
	CHECK(time(NULL) >= tv.tv_sec, "time() agrees with gettimeofday()");
	CHECK(clock_gettime(12345, &t0) == -1 && errno == EINVAL,
	      "an unknown clock fails with EINVAL");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(usleep(20000) == 0, "usleep(20 ms)");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(ms_between(&t0, &t1) >= 20, "usleep() slept 20 ms (%ld)", ms_between(&t0, &t1));
	CHECK(sleep(0) == 0, "sleep(0) returns 0");
	struct tms tm;
	CHECK(times(&tm) != (clock_t)-1, "times() succeeds");
	struct itimerval it = {{0, 0}, {0, 0}}, old;
	int r = setitimer(ITIMER_REAL, &it, &old);
	CHECK(r == 0 || errno == ENOSYS, "setitimer() to disarm (or ENOSYS)");
}

static void check_tz(void)
{
	time_t t = 1700000000; /* 2023-11-14 22:13:20 UTC */
	struct tm tm;
	char buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %j %a", &tm);
	CHECK(!strcmp(buf, "2023-11-14 22:13:20 318 Tue"), "gmtime_r() and strftime() (%s)", buf);
	setenv("TZ", "UTC0", 1);
	tzset();
	CHECK(mktime(&tm) == t, "mktime() in UTC converts the broken-down time back");

	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%H:%M %Z %z", &tm);
	CHECK(tm.tm_hour == 17 && !tm.tm_isdst && !strcmp(buf, "17:13 EST -0500"),
	      "TZ=EST5EDT: November is EST, UTC-5 (%s)", buf);
	time_t summer = 1689000000; /* 2023-07-10 14:40:00 UTC */
	localtime_r(&summer, &tm);
	strftime(buf, sizeof(buf), "%H:%M %Z %z", &tm);
	CHECK(tm.tm_hour == 10 && tm.tm_isdst > 0 && !strcmp(buf, "10:40 EDT -0400"),
	      "TZ=EST5EDT: July is EDT, UTC-4 (%s)", buf);
	CHECK(mktime(&tm) == summer, "mktime() inverts localtime()");

	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%H %Z %z", &tm);
	CHECK(tm.tm_hour == 23 && !strcmp(buf, "23 CET +0100"),
	      "TZ=CET-1CEST: UTC+1 in November (%s)", buf);
	setenv("TZ", "IST-5:30", 1);
	tzset();
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 3 && tm.tm_min == 43 && tm.tm_mday == 15,
	      "TZ=IST-5:30: half-hour offsets");
	setenv("TZ", "UTC0", 1);
	tzset();
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 22, "TZ=UTC0 is UTC");
	strptime("2024-02-29 12:34:56", "%Y-%m-%d %H:%M:%S", &tm);
	CHECK(tm.tm_year == 124 && tm.tm_mon == 1 && tm.tm_mday == 29 && tm.tm_sec == 56,
	      "strptime() parses a leap day");
}

static void check_resources(void)
{
	struct rlimit rl, rl2;
	struct rusage ru;

	CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max,
	      "getrlimit(RLIMIT_NOFILE): soft <= hard");
	rl2 = rl;
	rl2.rlim_cur = 64;
	CHECK(setrlimit(RLIMIT_NOFILE, &rl2) == 0 && getrlimit(RLIMIT_NOFILE, &rl2) == 0 &&
	          rl2.rlim_cur == 64 && sysconf(_SC_OPEN_MAX) == 64,
	      "setrlimit() lowers the soft limit, sysconf(_SC_OPEN_MAX) follows");
	CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0, "setrlimit() restores it");
	rl2.rlim_cur = rl.rlim_max;
	rl2.rlim_max = rl.rlim_max;
	CHECK(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur >= 65536, "getrlimit(RLIMIT_STACK)");
	CHECK(getrlimit(99, &rl) == -1 && errno == EINVAL,
	      "getrlimit() of an unknown resource: EINVAL");
	for (volatile long i = 0; i < 3000000; i++)
		;
	CHECK(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_utime.tv_usec < 1000000,
	      "getrusage(RUSAGE_SELF) fills struct rusage");
	CHECK(sizeof(struct rusage) == 144 && RLIMIT_NOFILE == 7 && RLIMIT_AS == 9 &&
	          RLIM_INFINITY == ~0ULL,
	      "struct rusage and the limits are Linux's");
	errno = 0;
	int prio = getpriority(PRIO_PROCESS, 0);
	CHECK((prio >= -20 && prio <= 19 && errno == 0) || errno == ENOSYS,
	      "getpriority() is a nice value (%d)", prio);
}

static void check_mman(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED && p[0] == 0 && p[4 * page - 1] == 0,
	      "mmap(MAP_ANONYMOUS) gives zeroed pages");
	memset(p, 0x5a, 4 * page);
	CHECK(p[page * 3 + 7] == 0x5a, "the mapping is writable");
	CHECK(mprotect(p, page, PROT_READ) == 0, "mprotect(PROT_READ)");
	CHECK(madvise(p + page, page, MADV_WILLNEED) == 0, "madvise(MADV_WILLNEED)");
	CHECK(posix_madvise(p, page, POSIX_MADV_SEQUENTIAL) == 0,
	      "posix_madvise(POSIX_MADV_SEQUENTIAL)");
	int r = msync(p, page, MS_SYNC);
	CHECK(r == 0 || errno == ENOSYS, "msync() (or ENOSYS)");
	CHECK(munmap(p, 4 * page) == 0, "munmap() the whole mapping");
	CHECK(mmap(NULL, page, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF,
	      "a file mapping of fd -1 fails with EBADF");
	CHECK(shm_open("bad/name", O_RDWR | O_CREAT, 0600) == -1 && errno == EINVAL,
	      "shm_open() of a name with an inner slash: EINVAL");
	CHECK(shm_unlink("/libc-test-no-such-object") == -1 && errno == ENOENT,
	      "shm_unlink() of a missing object: ENOENT");
}

int main(void)
{
	check_clocks();
	check_tz();
	check_resources();
	check_mman();
	return tap_done();
}
