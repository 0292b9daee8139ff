/* chroot: chroot(2): path becomes the caller's root directory. */
#include <unistd.h>

#include "internal/syscall.h"

int chroot(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_chroot, (long)path));
}
