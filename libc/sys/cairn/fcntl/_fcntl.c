/*
 * _fcntl: fcntl(2), under newlib's _fcntl_r and libc/syscalls' fcntl(). The
 * optional third argument is an int or a pointer (struct flock, Linux's
 * layout in <cairn/fcntl.h>) and is passed on as a long.
 */
#include <stdarg.h>

#include "internal/syscall.h"

int _fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)__syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}
