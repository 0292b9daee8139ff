/* _mkdir: what newlib's _mkdir_r calls; the same as mkdir(). */
#include <sys/stat.h>

int _mkdir(const char *path, mode_t mode)
{
	return mkdir(path, mode);
}
