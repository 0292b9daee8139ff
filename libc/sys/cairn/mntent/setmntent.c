/* setmntent: opens a mount table; the mode is fopen()'s. NULL and errno on failure. */
#include <mntent.h>
#include <stdio.h>

FILE *setmntent(const char *path, const char *mode)
{
	return fopen(path, mode);
}
