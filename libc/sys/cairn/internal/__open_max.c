/*
 * __open_max: the RLIMIT_NOFILE soft limit for sysconf(_SC_OPEN_MAX), -1 if
 * unlimited, or -1 with errno set if getrlimit(2) fails. A file of its own
 * because it speaks the kernel's struct rlimit (<uapi/resource.h>), which
 * cannot share a translation unit with newlib's <sys/time.h>.
 */
#include <uapi/resource.h>

#include "internal/libc.h"
#include "internal/syscall.h"

long __open_max(void)
{
	struct rlimit rl;

	if (__syscall_ret(__syscall2(SYS_getrlimit, RLIMIT_NOFILE, (long)&rl)) < 0)
		return -1;
	return rl.rlim_cur == RLIM_INFINITY ? -1 : (long)rl.rlim_cur;
}
