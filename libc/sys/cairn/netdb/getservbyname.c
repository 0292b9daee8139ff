/*
 * getservbyname: the /etc/services entry of name (or an alias) for proto
 * (NULL: any), in static memory (not reentrant); s_port is in network order.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "internal/netdb.h"

struct servent *getservbyname(const char *name, const char *proto)
{
	static struct servent se;
	static char buf[512], *w[16];
	FILE *f = fopen(__SERVICES_PATH, "re");
	int words;

	if (!f)
		return 0;
	while ((words = __netdb_words(f, buf, sizeof(buf), w, 15)) >= 2) {
		char *slash = strchr(w[1], '/');
		int i;

		if (!slash || (proto && strcmp(slash + 1, proto)))
			continue;
		for (i = 0; i < words && (i == 1 || strcmp(w[i], name)); i++)
			;
		if (i == words)
			continue;
		*slash = 0;
		se.s_name = w[0];
		se.s_port = htons((uint16_t)atoi(w[1]));
		se.s_proto = slash + 1;
		memmove(&w[0], &w[2], (size_t)(words - 2) * sizeof(w[0]));
		w[words - 2] = 0;
		se.s_aliases = w;
		fclose(f);
		return &se;
	}
	fclose(f);
	return 0;
}
