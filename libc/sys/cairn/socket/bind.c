/* bind: bind(2): gives the socket a local address. */
#include <sys/socket.h>

#include "internal/syscall.h"

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__syscall_ret(__syscall3(SYS_bind, (long)fd, (long)addr, (long)len));
}
