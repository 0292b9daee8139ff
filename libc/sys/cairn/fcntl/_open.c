/*
 * _open: open(2), under newlib's _open_r and libc/syscalls' open(). The mode
 * argument is read only when the flags create a file (O_CREAT, O_TMPFILE).
 * The flags are Linux's (<cairn/fcntl.h>) and go to the kernel unchanged.
 */
#include <fcntl.h>
#include <stdarg.h>

#include "internal/syscall.h"

int _open(const char *path, int flags, ...)
{
	unsigned int mode = 0;

	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, unsigned int);
		va_end(ap);
	}
	return (int)__syscall_ret(__syscall3(SYS_open, (long)path, flags, mode));
}
