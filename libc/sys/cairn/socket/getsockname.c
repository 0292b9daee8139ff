/* getsockname: the socket's local address. */
#include <sys/socket.h>

#include "internal/syscall.h"

int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__syscall_ret(__syscall3(SYS_getsockname, (long)fd, (long)addr, (long)len));
}
