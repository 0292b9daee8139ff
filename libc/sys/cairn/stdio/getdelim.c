/*
 * getdelim: the bytes of f up to and including delim, into *line (grown
 * with realloc, NUL-terminated); their count, or -1 at the end of the file
 * or on error (EINVAL for a NULL line or size). newlib's __getdelim.
 */
#include <stdio.h>

ssize_t getdelim(char **restrict line, size_t *restrict size, int delim, FILE *restrict f)
{
	return __getdelim(line, size, delim, f);
}
