/*
 * fchmodat: chmod() relative to dirfd. FIXME: flags need fchmodat2(2); only 0
 * is honoured.
 */
#include <sys/stat.h>

#include "internal/syscall.h"

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_fchmodat, (long)dirfd, (long)path, (long)mode, (long)flags));
}
