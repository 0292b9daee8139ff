/* unlinkat: unlink(), or rmdir() with AT_REMOVEDIR, relative to dirfd. */
#include <unistd.h>

#include "internal/syscall.h"

int unlinkat(int dirfd, const char *path, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_unlinkat, (long)dirfd, (long)path, (long)flags));
}
