/* mkdirat: mkdir() relative to dirfd. */
#include <sys/stat.h>

#include "internal/syscall.h"

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return (int)__syscall_ret(__syscall3(SYS_mkdirat, (long)dirfd, (long)path, (long)mode));
}
