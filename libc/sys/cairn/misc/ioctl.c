/*
 * ioctl: ioctl(2) with one optional argument, passed to the kernel as a
 * word (an integer or a pointer, as the request says).
 */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "internal/syscall.h"

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, (long)request, arg));
}
