/* __userdb_line: the next line of a user database file (internal/userdb.h). */
#include <string.h>

#include "internal/userdb.h"

int __userdb_line(FILE *f, char *buf, size_t size)
{
	size_t n;
	int c;

	if (size < 2 || !fgets(buf, (int)size, f))
		return 0;
	n = strlen(buf);
	if (n && buf[n - 1] == '\n') {
		buf[n - 1] = 0;
		return 1;
	}
	if (feof(f))
		return 1;
	while ((c = getc(f)) != EOF && c != '\n')
		;
	return -1;
}
