/* __netdb_words: the words of the next line of a netdb file (internal/netdb.h). */
#include <string.h>

#include "internal/netdb.h"

int __netdb_words(FILE *f, char *buf, size_t size, char **word, int max)
{
	while (fgets(buf, (int)size, f)) {
		char *p = strchr(buf, '#'), *save;
		int n = 0;

		if (p)
			*p = 0;
		for (p = strtok_r(buf, " \t\r\n", &save); p && n < max;
		     p = strtok_r(0, " \t\r\n", &save))
			word[n++] = p;
		if (n)
			return n;
	}
	return 0;
}
