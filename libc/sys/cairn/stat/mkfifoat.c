/* mkfifoat: mkfifo() relative to dirfd, as mknodat(). */
#include <sys/stat.h>

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, S_IFIFO | (mode & 07777), 0);
}
