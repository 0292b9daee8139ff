/* futimes: utimes() on an open file, through futimens(). */
#include <sys/stat.h>
#include <sys/time.h>

int futimes(int fd, const struct timeval *tv)
{
	struct timespec ts[2];

	if (!tv)
		return futimens(fd, 0);
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return futimens(fd, ts);
}
