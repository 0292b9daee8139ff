/* _write: write(2), under newlib's _write_r and libc/syscalls' write(). */
#include <sys/types.h>

#include "internal/syscall.h"

ssize_t _write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(__syscall3(SYS_write, fd, (long)buf, (long)count));
}
