/* accept4: accept() with SOCK_NONBLOCK or SOCK_CLOEXEC for the new socket. */
#include <sys/socket.h>

#include "internal/syscall.h"

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_accept4, (long)fd, (long)addr, (long)len, (long)flags));
}
