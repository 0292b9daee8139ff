/* sendmsg: sendmsg(2): gathers msg_iov, with ancillary data. */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	return (ssize_t)__syscall_ret(__syscall3(SYS_sendmsg, (long)fd, (long)msg, (long)flags));
}
