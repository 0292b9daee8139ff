/* closedir: closes the stream's descriptor and frees the stream. */
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal/dirstream.h"

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
