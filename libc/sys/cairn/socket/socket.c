/* socket: socket(2); SOCK_NONBLOCK and SOCK_CLOEXEC may be or-ed into type. */
#include <sys/socket.h>

#include "internal/syscall.h"

int socket(int domain, int type, int protocol)
{
	return (int)__syscall_ret(__syscall3(SYS_socket, (long)domain, (long)type, (long)protocol));
}
