/* lchown: chown() of a symbolic link itself. */
#include <unistd.h>

#include "internal/syscall.h"

int lchown(const char *path, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_lchown, (long)path, (long)owner, (long)group));
}
