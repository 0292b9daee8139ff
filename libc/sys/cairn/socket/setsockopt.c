/* setsockopt: setsockopt(2). */
#include <sys/socket.h>

#include "internal/syscall.h"

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	return (int)__syscall_ret(
	    __syscall5(SYS_setsockopt, (long)fd, (long)level, (long)name, (long)val, (long)len));
}
