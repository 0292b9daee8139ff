/* recvfrom: recvfrom(2). */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t recvfrom(int fd, void *restrict buf, size_t n, int flags, struct sockaddr *restrict addr,
                 socklen_t *restrict len)
{
	return (ssize_t)__syscall_ret(__syscall6(SYS_recvfrom, (long)fd, (long)buf, (long)n,
	                                         (long)flags, (long)addr, (long)len));
}
