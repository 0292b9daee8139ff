/*
 * utimes: sets the access and modification times of path from two timevals
 * (NULL: now), through utimensat(2).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>

int utimes(const char *path, const struct timeval *tv)
{
	struct timespec ts[2];

	if (!tv)
		return utimensat(AT_FDCWD, path, 0, 0);
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return utimensat(AT_FDCWD, path, ts, 0);
}
