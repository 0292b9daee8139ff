/* statfs: statfs(2); struct statfs is the kernel's (<sys/statfs.h>). */
#include <sys/statfs.h>

#include "internal/syscall.h"

int statfs(const char *path, struct statfs *buf)
{
	return (int)__syscall_ret(__syscall2(SYS_statfs, (long)path, (long)buf));
}
