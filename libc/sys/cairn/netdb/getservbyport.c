/*
 * getservbyport: the /etc/services entry of port (network order) for proto
 * (NULL: any), in static memory (not reentrant).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "internal/netdb.h"

struct servent *getservbyport(int port, const char *proto)
{
	static struct servent se;
	static char buf[512], *w[16];
	FILE *f = fopen(__SERVICES_PATH, "re");
	int words;

	if (!f)
		return 0;
	while ((words = __netdb_words(f, buf, sizeof(buf), w, 15)) >= 2) {
		char *slash = strchr(w[1], '/');

		if (!slash || atoi(w[1]) != ntohs((uint16_t)port) ||
		    (proto && strcmp(slash + 1, proto)))
			continue;
		*slash = 0;
		se.s_name = w[0];
		se.s_port = port;
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
