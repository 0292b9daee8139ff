/* shm_unlink: removes the shared memory object name (its file in /dev/shm). */
#include <sys/mman.h>
#include <unistd.h>
#include <uapi/limits.h>

#include "internal/libc.h"

int shm_unlink(const char *name)
{
	char path[PATH_MAX];

	if (__shm_path(path, sizeof(path), name) < 0)
		return -1;
	return unlink(path);
}
