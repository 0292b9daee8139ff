/* pwrite: writes at offset without moving the file offset. */
#include <unistd.h>

#include "internal/syscall.h"

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)
{
	return (ssize_t)__syscall_ret(
	    __syscall4(SYS_pwrite64, (long)fd, (long)buf, (long)n, (long)offset));
}
