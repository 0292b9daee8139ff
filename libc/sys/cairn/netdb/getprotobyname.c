/* getprotobyname: the /etc/protocols entry of name (or an alias), in static memory. */
#include <stdlib.h>
#include <string.h>

#include "internal/netdb.h"

struct protoent *getprotobyname(const char *name)
{
	static struct protoent pe;
	static char buf[512], *w[16];
	FILE *f = fopen(__PROTOCOLS_PATH, "re");
	int words;

	if (!f)
		return 0;
	while ((words = __netdb_words(f, buf, sizeof(buf), w, 15)) >= 2) {
		int i;

		for (i = 0; i < words && (i == 1 || strcmp(w[i], name)); i++)
			;
		if (i == words)
			continue;
		pe.p_name = w[0];
		pe.p_proto = atoi(w[1]);
		memmove(&w[0], &w[2], (size_t)(words - 2) * sizeof(w[0]));
		w[words - 2] = 0;
		pe.p_aliases = w;
		fclose(f);
		return &pe;
	}
	fclose(f);
	return 0;
}
