/* sem_unlink: removes the name; processes that have it open keep using it. */
#include <unistd.h>

#include "pthread/sem_named.h"

int sem_unlink(const char *name)
{
	char path[SEM_PATH_MAX];

	if (__sem_path(name, path) != 0)
		return -1;
	return unlink(path);
}
