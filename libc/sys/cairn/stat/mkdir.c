/* mkdir: mkdir(2). newlib declares it but has no system-independent version. */
#include <sys/stat.h>

#include "internal/syscall.h"

int mkdir(const char *path, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_mkdir, (long)path, mode));
}
