/* fchownat: chown() relative to dirfd. */
#include <unistd.h>
#include <fcntl.h>

#include "internal/syscall.h"

int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags)
{
	return (int)__syscall_ret(__syscall5(SYS_fchownat, (long)dirfd, (long)path, (long)owner,
	                                     (long)group, (long)flags));
}
