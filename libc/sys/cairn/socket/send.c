/* send: sendto() to the connected peer. */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return (ssize_t)__syscall_ret(
	    __syscall6(SYS_sendto, (long)fd, (long)buf, (long)n, (long)flags, (long)0, (long)0));
}
