/* chown: chown(2); -1 leaves an id unchanged. */
#include <unistd.h>

#include "internal/syscall.h"

int chown(const char *path, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_chown, (long)path, (long)owner, (long)group));
}
