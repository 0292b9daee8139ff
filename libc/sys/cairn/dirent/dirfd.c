/* dirfd: the descriptor under the stream. */
#include <dirent.h>

#include "internal/dirstream.h"

int dirfd(DIR *d)
{
	return d->fd;
}
