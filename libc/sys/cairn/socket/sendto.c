/* sendto: sendto(2). */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr,
               socklen_t len)
{
	return (ssize_t)__syscall_ret(__syscall6(SYS_sendto, (long)fd, (long)buf, (long)n,
	                                         (long)flags, (long)addr, (long)len));
}
