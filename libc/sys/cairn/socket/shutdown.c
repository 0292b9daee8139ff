/* shutdown: shutdown(2): SHUT_RD, SHUT_WR or SHUT_RDWR. */
#include <sys/socket.h>

#include "internal/syscall.h"

int shutdown(int fd, int how)
{
	return (int)__syscall_ret(__syscall2(SYS_shutdown, (long)fd, (long)how));
}
