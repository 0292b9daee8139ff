/* recv: recvfrom() without the sender address. */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return (ssize_t)__syscall_ret(
	    __syscall6(SYS_recvfrom, (long)fd, (long)buf, (long)n, (long)flags, (long)0, (long)0));
}
