/* socketpair: two connected sockets (AF_UNIX). */
#include <sys/socket.h>

#include "internal/syscall.h"

int socketpair(int domain, int type, int protocol, int fds[2])
{
	return (int)__syscall_ret(
	    __syscall4(SYS_socketpair, (long)domain, (long)type, (long)protocol, (long)fds));
}
