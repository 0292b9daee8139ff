/*
 * fstatat: stat() of path relative to dirfd, with AT_SYMLINK_NOFOLLOW
 * (lstat) or AT_EMPTY_PATH (dirfd itself) in flags, through newfstatat(2);
 * the kernel's struct stat is converted into newlib's.
 */
#include <sys/stat.h>

#include "internal/kstat.h"
#include "internal/syscall.h"

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
	struct __kernel_stat k;
	long r = __syscall4(SYS_newfstatat, dirfd, (long)path, (long)&k, flags);

	if (r < 0)
		return (int)__syscall_ret((unsigned long)r);
	__stat_from_kernel(st, &k);
	return 0;
}
