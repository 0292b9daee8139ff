/*
 * sysconf: the run-time values Cairn's library knows so far.
 *
 *   _SC_PAGESIZE           AT_PAGESZ from the auxiliary vector (the kernel
 *                          always supplies it; 4096 is x86-64's page size)
 *   _SC_CLK_TCK            AT_CLKTCK, times(2) ticks per second (likewise
 *                          always supplied; 100 is Linux's USER_HZ)
 *   _SC_OPEN_MAX           the RLIMIT_NOFILE soft limit
 *   _SC_NPROCESSORS_ONLN   the CPUs in the affinity mask; while the kernel
 *   _SC_NPROCESSORS_CONF   has no sched_getaffinity(2) that is 1, the CPU
 *                          running the caller (musl does the same), which is
 *                          also the truth today: only CPU 0 schedules
 *
 * Any other name fails with EINVAL (FIXME: the rest of POSIX's list arrives
 * with the unistd part of the libc issue; docs/libc.md).
 */
#include <errno.h>
#include <unistd.h>
#include <uapi/auxv.h>

#include "internal/libc.h"
#include "internal/syscall.h"

static long nprocessors(void)
{
	unsigned char set[128] = {1};
	long n = 0;
	size_t i;

	__syscall3(SYS_sched_getaffinity, 0, sizeof(set), (long)set);
	for (i = 0; i < sizeof(set); i++)
		n += __builtin_popcount(set[i]);
	return n;
}

long sysconf(int name)
{
	unsigned long v;

	switch (name) {
	case _SC_PAGESIZE:
		v = __getauxval(AT_PAGESZ);
		return v ? (long)v : 4096;
	case _SC_CLK_TCK:
		v = __getauxval(AT_CLKTCK);
		return v ? (long)v : 100;
	case _SC_OPEN_MAX:
		return __open_max();
	case _SC_NPROCESSORS_ONLN:
	case _SC_NPROCESSORS_CONF:
		return nprocessors();
	default:
		errno = EINVAL;
		return -1;
	}
}
