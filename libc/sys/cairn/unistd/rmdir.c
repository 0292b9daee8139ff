/* rmdir: rmdir(2): removes an empty directory. */
#include <unistd.h>

#include "internal/syscall.h"

int rmdir(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_rmdir, (long)path));
}
