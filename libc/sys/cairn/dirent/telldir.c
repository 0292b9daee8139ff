/* telldir: the stream's position, for seekdir(). */
#include <dirent.h>

#include "internal/dirstream.h"

long telldir(DIR *d)
{
	return (long)d->tell;
}
