/* __sem_path: "/NAME" to /dev/shm/sem.NAME; NAME is one path component. */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "pthread/sem_named.h"

int __sem_path(const char *name, char *path)
{
	size_t len;

	while (*name == '/')
		name++;
	len = strlen(name);
	if (len == 0 || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
		errno = EINVAL;
		return -1;
	}
	if (len > NAME_MAX - 4 || sizeof(SEM_DIR) + len > SEM_PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, SEM_DIR, sizeof(SEM_DIR) - 1);
	memcpy(path + sizeof(SEM_DIR) - 1, name, len + 1);
	return 0;
}
