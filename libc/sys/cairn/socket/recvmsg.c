/* recvmsg: recvmsg(2): scatters into msg_iov, with ancillary data. */
#include <sys/socket.h>

#include "internal/syscall.h"

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	return (ssize_t)__syscall_ret(__syscall3(SYS_recvmsg, (long)fd, (long)msg, (long)flags));
}
