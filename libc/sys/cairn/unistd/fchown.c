/* fchown: fchown(2); -1 leaves an id unchanged. */
#include <unistd.h>

#include "internal/syscall.h"

int fchown(int fd, uid_t owner, gid_t group)
{
	return (int)__syscall_ret(__syscall3(SYS_fchown, (long)fd, (long)owner, (long)group));
}
