/*
 * fpathconf: the limits of the filesystem holding the file open as fd. The
 * values are those of Cairn's kernel (Linux's) for every filesystem it has;
 * names Cairn has no limit for give -1 with errno unchanged, unknown names
 * EINVAL. fd must be open (EBADF).
 */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal/libc.h"

long fpathconf(int fd, int name)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	return __pathconf_value(name);
}
