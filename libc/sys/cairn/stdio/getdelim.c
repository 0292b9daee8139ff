/*
 * getdelim: POSIX 2008's getdelim(), newlib's __getdelim() (newlib 3.3 has
 * the function under that name only; libc/patches/0011 declares getdelim()).
 */
#include <stdio.h>

ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *f)
{
	return __getdelim(lineptr, n, delim, f);
}
