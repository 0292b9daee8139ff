/*
 * fdopendir: a stream over the directory open as fd, which the stream then
 * owns (closedir() closes it). ENOTDIR if fd is not a directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "internal/dirstream.h"

DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *d;

	if (fstat(fd, &st) < 0)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return 0;
	}
	d = malloc(sizeof(*d));
	if (!d)
		return 0;
	d->fd = fd;
	d->pos = d->end = 0;
	d->tell = 0;
	return d;
}
