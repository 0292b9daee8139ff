/*
 * faccessat: access() relative to dirfd. FIXME: flags (AT_EACCESS,
 * AT_SYMLINK_NOFOLLOW) need faccessat2(2); they are passed to nothing and
 * only flags == 0 is honoured.
 */
#include <unistd.h>

#include "internal/syscall.h"

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_faccessat, (long)dirfd, (long)path, (long)mode, (long)flags));
}
