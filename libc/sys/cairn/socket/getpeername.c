/* getpeername: the connected peer's address. */
#include <sys/socket.h>

#include "internal/syscall.h"

int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__syscall_ret(__syscall3(SYS_getpeername, (long)fd, (long)addr, (long)len));
}
