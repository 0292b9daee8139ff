/* fstatvfs: POSIX's view of fstatfs(2). */
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "internal/statvfs.h"

int fstatvfs(int fd, struct statvfs *buf)
{
	struct statfs st;

	if (fstatfs(fd, &st) < 0)
		return -1;
	__statfs_to_statvfs(&st, buf);
	return 0;
}
