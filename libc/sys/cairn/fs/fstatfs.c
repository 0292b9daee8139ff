/* fstatfs: fstatfs(2); struct statfs is the kernel's (<sys/statfs.h>). */
#include <sys/statfs.h>

#include "internal/syscall.h"

int fstatfs(int fd, struct statfs *buf)
{
	return (int)__syscall_ret(__syscall2(SYS_fstatfs, (long)fd, (long)buf));
}
