/*
 * clearenv: empties the environment (glibc's extension, declared by
 * libc/patches/0013). environ points to an empty list rather than being
 * NULL, since newlib's getenv() and setenv() walk it without checking; the
 * strings of the old environment are not freed (setenv() may share them).
 */
#include <stdlib.h>

extern char **environ;

int clearenv(void)
{
	static char *empty[1];

	empty[0] = NULL;
	environ = empty;
	return 0;
}
