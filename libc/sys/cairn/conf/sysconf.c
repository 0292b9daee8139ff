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
 *   _SC_PHYS_PAGES         sysinfo(2)'s total and free memory in pages
 *   _SC_AVPHYS_PAGES
 *   _SC_CHILD_MAX          the RLIMIT_NPROC soft limit (-1: none)
 *   limits                 ARG_MAX, NGROUPS_MAX, LINE_MAX, IOV_MAX, host,
 *                          login and tty name lengths, the getpw*_r and
 *                          getgr*_r buffer sizes that always suffice
 *   options                the POSIX options the library supports give
 *                          200809L (or 1 for job control and saved ids)
 *
 * A name POSIX defines but Cairn does not support (threads options are the
 * pthread work's) gives -1 with errno unchanged; an unknown name fails with
 * EINVAL.
 */
#include <errno.h>
#include <unistd.h>
#include <sys/resource.h>
#include <uapi/auxv.h>
#include <uapi/limits.h>
#include <uapi/sysinfo.h>

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

static long pages(int avail)
{
	struct sysinfo si;
	unsigned long page = __getauxval(AT_PAGESZ);

	if (__syscall_ret(__syscall1(SYS_sysinfo, (long)&si)) < 0)
		return -1;
	if (!page)
		page = 4096;
	return (long)((avail ? si.freeram : si.totalram) * si.mem_unit / page);
}

static long rlimit_cur(int resource)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
		return -1;
	return (long)rl.rlim_cur;
}

long sysconf(int name)
{
	unsigned long v;

	switch (name) {
	case _SC_ARG_MAX:
		return ARG_MAX;
	case _SC_CHILD_MAX:
		return rlimit_cur(RLIMIT_NPROC);
	case _SC_NGROUPS_MAX:
		return NGROUPS_MAX;
	case _SC_LINE_MAX:
		return 2048;
	case _SC_IOV_MAX:
		return 1024;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_LOGIN_NAME_MAX:
		return 256;
	case _SC_TTY_NAME_MAX:
		return 32;
	case _SC_GETPW_R_SIZE_MAX:
	case _SC_GETGR_R_SIZE_MAX:
		return 1024;
	case _SC_RTSIG_MAX:
		return 32;
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return 1;
	case _SC_VERSION:
	case _SC_FSYNC:
	case _SC_MAPPED_FILES:
	case _SC_MEMORY_PROTECTION:
	case _SC_REALTIME_SIGNALS:
	case _SC_MONOTONIC_CLOCK:
	case _SC_CLOCK_SELECTION:
	case _SC_REGEXP:
	case _SC_SHELL:
		return 200809L;
	case _SC_PHYS_PAGES:
		return pages(0);
	case _SC_AVPHYS_PAGES:
		return pages(1);
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
		if (name >= 0 && name <= _SC_POSIX_26_VERSION)
			return -1;
		errno = EINVAL;
		return -1;
	}
}
