/* _read: read(2), under newlib's _read_r and libc/syscalls' read(). */
#include <sys/types.h>

#include "internal/syscall.h"

ssize_t _read(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(SYS_read, fd, (long)buf, (long)count));
}
