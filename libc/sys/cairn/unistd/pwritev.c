/*
 * pwritev: writev() at offset (the high word of pwritev(2)'s offset is 0 on x86-64).
 */
#include <sys/uio.h>

#include "internal/syscall.h"

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t offset)
{
	return (ssize_t)__syscall_ret(
	    __syscall5(SYS_pwritev, (long)fd, (long)iov, (long)n, (long)offset, (long)0));
}
