/*
 * _fstat: fstat(2), under newlib's _fstat_r and libc/syscalls' fstat(). The
 * kernel writes its own struct stat, converted into newlib's.
 */
#include <sys/stat.h>

#include "internal/kstat.h"
#include "internal/syscall.h"

int _fstat(int fd, struct stat *st)
{
	struct __kernel_stat k;
	long r = __syscall2(SYS_fstat, fd, (long)&k);

	if (r < 0)
		return (int)__syscall_ret((unsigned long)r);
	__stat_from_kernel(st, &k);
	return 0;
}
