/* mkfifo: a named pipe at path, as mknod(path, S_IFIFO | mode, 0). */
#include <sys/stat.h>

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, S_IFIFO | (mode & 07777), 0);
}
