/*
 * __userdb_fields: splits line at colons into at most max fields, in place.
 * Returns the number of fields found.
 */
#include <string.h>

#include "internal/userdb_fields.h"

int __userdb_fields(char *line, char **field, int max)
{
	int n = 0;

	while (n < max) {
		field[n++] = line;
		line = strchr(line, ':');
		if (!line)
			break;
		*line++ = 0;
	}
	return n;
}
