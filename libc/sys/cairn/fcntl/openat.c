/*
 * openat: open() with a relative path taken from the directory open as
 * dirfd (AT_FDCWD: the working directory). The mode argument is read only
 * when the flags create a file (O_CREAT, O_TMPFILE).
 */
#include <fcntl.h>
#include <stdarg.h>

#include "internal/syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	unsigned int mode = 0;

	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, unsigned int);
		va_end(ap);
	}
	return (int)__syscall_ret(__syscall4(SYS_openat, dirfd, (long)path, flags, mode));
}
