/*
 * shm_open: a shared memory object is a file in /dev/shm (as in glibc):
 * name must start with '/' and have no other slash (EINVAL), and is opened
 * with O_NOFOLLOW and O_CLOEXEC added to flags.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <uapi/limits.h>

#include "internal/libc.h"

int shm_open(const char *name, int flags, mode_t mode)
{
	char path[PATH_MAX];

	if (__shm_path(path, sizeof(path), name) < 0)
		return -1;
	return open(path, flags | O_NOFOLLOW | O_CLOEXEC, mode);
}
