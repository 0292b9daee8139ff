/* mq_unlink: mq_unlink(2) with the leading '/' stripped, as mq_open does (ENOENT without it). */
#include <errno.h>
#include <mqueue.h>

#include "internal/syscall.h"

int mq_unlink(const char *name)
{
	if (name[0] != '/') {
		errno = ENOENT;
		return -1;
	}
	return (int)__syscall_ret(__syscall1(SYS_mq_unlink, (long)(name + 1)));
}
