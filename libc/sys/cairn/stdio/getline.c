/*
 * getline: POSIX 2008's getline(), newlib's __getline() (newlib 3.3 has the
 * function under that name only; libc/patches/0011 declares getline()).
 */
#include <stdio.h>

ssize_t getline(char **lineptr, size_t *n, FILE *f)
{
	return __getline(lineptr, n, f);
}
