/* mknodat: mknod() relative to dirfd. */
#include <sys/stat.h>

#include "internal/syscall.h"

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_mknodat, (long)dirfd, (long)path, (long)mode, (long)dev));
}
