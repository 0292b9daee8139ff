/*
 * dup3: dup2() that fails with EINVAL when the descriptors are equal
 * and takes O_CLOEXEC in flags.
 */
#include <unistd.h>

#include "internal/syscall.h"

int dup3(int oldfd, int newfd, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_dup3, (long)oldfd, (long)newfd, (long)flags));
}
