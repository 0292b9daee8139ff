/*
 * __shm_path: "/dev/shm" followed by name into buf, for shm_open() and
 * shm_unlink(). name must be "/" and one file name, not "." or "..":
 * otherwise EINVAL; ENAMETOOLONG when the file name is longer than NAME_MAX.
 */
#include <errno.h>
#include <string.h>
#include <uapi/limits.h>

#include "internal/libc.h"

int __shm_path(char *buf, size_t size, const char *name)
{
	size_t n;

	if (name[0] != '/' || !name[1] || strchr(name + 1, '/') || !strcmp(name, "/.") ||
	    !strcmp(name, "/..")) {
		errno = EINVAL;
		return -1;
	}
	n = strlen(name + 1);
	if (n > NAME_MAX || sizeof("/dev/shm/") + n > size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, "/dev/shm", 8);
	memcpy(buf + 8, name, n + 2);
	return 0;
}
