/*
 * mq_open: mq_open(2). As in glibc, the name must start with '/' (EINVAL
 * otherwise), which is stripped before the kernel sees it; with O_CREAT
 * the third and fourth arguments are the mode and the struct mq_attr
 * (NULL for the defaults).
 */
#include <errno.h>
#include <mqueue.h>
#include <stdarg.h>

#include "internal/syscall.h"

mqd_t mq_open(const char *name, int flags, ...)
{
	mode_t mode = 0;
	struct mq_attr *attr = NULL;
	va_list ap;

	if (name[0] != '/') {
		errno = EINVAL;
		return -1;
	}
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		attr = va_arg(ap, struct mq_attr *);
		va_end(ap);
	}
	return (mqd_t)__syscall_ret(__syscall4(SYS_mq_open, (long)(name + 1), flags, mode, (long)attr));
}
