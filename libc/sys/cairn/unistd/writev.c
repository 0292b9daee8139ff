/* writev: writev(2): writes n buffers in order, as one write. */
#include <sys/uio.h>

#include "internal/syscall.h"

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return (ssize_t)__syscall_ret(__syscall3(SYS_writev, (long)fd, (long)iov, (long)n));
}
