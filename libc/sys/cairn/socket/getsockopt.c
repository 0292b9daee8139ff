/* getsockopt: getsockopt(2). */
#include <sys/socket.h>

#include "internal/syscall.h"

int getsockopt(int fd, int level, int name, void *restrict val, socklen_t *restrict len)
{
	return (int)__syscall_ret(
	    __syscall5(SYS_getsockopt, (long)fd, (long)level, (long)name, (long)val, (long)len));
}
