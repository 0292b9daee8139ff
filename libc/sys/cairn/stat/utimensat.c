/*
 * utimensat: utimensat(2): access and modification times with UTIME_NOW and
 * UTIME_OMIT; NULL times means now.
 */
#include <sys/stat.h>

#include "internal/syscall.h"

int utimensat(int dirfd, const char *path, const struct timespec *times, int flags)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_utimensat, (long)dirfd, (long)path, (long)times, (long)flags));
}
