/*
 * lstat: lstat(2), stat() that does not follow a final symbolic link. The
 * kernel writes its own struct stat, converted into newlib's.
 */
#include <sys/stat.h>

#include "internal/kstat.h"
#include "internal/syscall.h"

int lstat(const char *restrict path, struct stat *restrict st)
{
	struct __kernel_stat k;
	long r = __syscall2(SYS_lstat, (long)path, (long)&k);

	if (r < 0)
		return (int)__syscall_ret((unsigned long)r);
	__stat_from_kernel(st, &k);
	return 0;
}
