/* readlinkat: readlink() relative to dirfd. */
#include <unistd.h>

#include "internal/syscall.h"

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t size)
{
	return (ssize_t)__syscall_ret(
	    __syscall4(SYS_readlinkat, (long)dirfd, (long)path, (long)buf, (long)size));
}
