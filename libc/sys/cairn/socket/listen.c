/* listen: listen(2): the socket accepts connections. */
#include <sys/socket.h>

#include "internal/syscall.h"

int listen(int fd, int backlog)
{
	return (int)__syscall_ret(__syscall2(SYS_listen, (long)fd, (long)backlog));
}
