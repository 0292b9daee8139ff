/*
 * readdir: the next entry of the stream, or NULL at the end (errno
 * unchanged) or on an error (errno set). The entry lives in the stream's
 * buffer until the next readdir(), rewinddir(), seekdir() or closedir().
 */
#include <dirent.h>
#include <errno.h>

#include "internal/dirstream.h"
#include "internal/syscall.h"

struct dirent *readdir(DIR *d)
{
	struct dirent *de;
	long n;

	if (d->pos >= d->end) {
		n = __syscall3(SYS_getdents64, d->fd, (long)d->buf, sizeof(d->buf));
		if (n < 0) {
			errno = (int)-n;
			return 0;
		}
		if (n == 0)
			return 0;
		d->pos = 0;
		d->end = (size_t)n;
	}
	de = (struct dirent *)(d->buf + d->pos);
	d->pos += de->d_reclen;
	d->tell = de->d_off;
	return de;
}
