/* poll: poll(2): timeout in milliseconds, -1 for none. */
#include <poll.h>

#include "internal/syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return (int)__syscall_ret(__syscall3(SYS_poll, (long)fds, (long)n, (long)timeout));
}
