/* getline: a line of f, newline included, into *line (grown with realloc): newlib's __getdelim. */
#include <stdio.h>

ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f)
{
	return __getdelim(line, size, '\n', f);
}
