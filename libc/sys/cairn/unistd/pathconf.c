/*
 * pathconf: the limits of the filesystem holding path, which must exist
 * (errors as stat()'s); the values are fpathconf()'s.
 */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal/libc.h"

long pathconf(const char *path, int name)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return __pathconf_value(name);
}
