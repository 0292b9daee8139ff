/* connect: connect(2). */
#include <sys/socket.h>

#include "internal/syscall.h"

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__syscall_ret(__syscall3(SYS_connect, (long)fd, (long)addr, (long)len));
}
