/* statvfs: POSIX's view of statfs(2). */
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "internal/statvfs.h"

int statvfs(const char *restrict path, struct statvfs *restrict buf)
{
	struct statfs st;

	if (statfs(path, &st) < 0)
		return -1;
	__statfs_to_statvfs(&st, buf);
	return 0;
}
