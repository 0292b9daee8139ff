/* readv: readv(2): reads into n buffers in order. */
#include <sys/uio.h>

#include "internal/syscall.h"

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	return (ssize_t)__syscall_ret(__syscall3(SYS_readv, (long)fd, (long)iov, (long)n));
}
