/*
 * Time structures and clock ids shared by the kernel and libc. Layouts and
 * values are Linux x86-64's (shared/DESIGN.md decision 3); tests/abi checks
 * them against linux-libc-dev.
 */
#ifndef CAIRN_UAPI_TIME_H
#define CAIRN_UAPI_TIME_H

#include <stdint.h>

/* Linux's struct timespec on x86-64: tv_sec is a signed 64-bit count. */
struct timespec {
	int64_t tv_sec;
	long tv_nsec;
};

struct timeval {
	int64_t tv_sec;
	long tv_usec;
};

/* Only gettimeofday(2) uses it; Linux keeps it for compatibility. */
struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define ITIMER_REAL		0
#define ITIMER_VIRTUAL		1
#define ITIMER_PROF		2

#define CLOCK_REALTIME		 0
#define CLOCK_MONOTONIC		 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	 3
#define CLOCK_MONOTONIC_RAW	 4
#define CLOCK_REALTIME_COARSE	 5
#define CLOCK_MONOTONIC_COARSE	 6
#define CLOCK_BOOTTIME		 7
#define CLOCK_REALTIME_ALARM	 8
#define CLOCK_BOOTTIME_ALARM	 9
#define CLOCK_TAI		 11

/* Flag for clock_nanosleep(2) and timer_settime(2): the time is absolute. */
#define TIMER_ABSTIME		0x01

#endif
