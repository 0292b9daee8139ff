/* accept: accept(2): the next connection, and its peer address in addr. */
#include <sys/socket.h>

#include "internal/syscall.h"

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__syscall_ret(__syscall3(SYS_accept, (long)fd, (long)addr, (long)len));
}
