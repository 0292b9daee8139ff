/*
 * preadv: readv() at offset (preadv(2) takes it as two words; the high one is 0 on x86-64).
 */
#include <sys/uio.h>

#include "internal/syscall.h"

ssize_t preadv(int fd, const struct iovec *iov, int n, off_t offset)
{
	return (ssize_t)__syscall_ret(
	    __syscall5(SYS_preadv, (long)fd, (long)iov, (long)n, (long)offset, (long)0));
}
