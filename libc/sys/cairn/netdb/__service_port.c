/* __service_port: the port /etc/services gives a service name (internal/netdb.h). */
#include <stdlib.h>
#include <string.h>

#include "internal/netdb.h"

int __service_port(const char *name, const char *proto)
{
	FILE *f = fopen(__SERVICES_PATH, "re");
	char buf[512], *w[16];
	int words, port = -1;

	if (!f)
		return -1;
	while (port < 0 && (words = __netdb_words(f, buf, sizeof(buf), w, 16)) >= 2) {
		char *slash = strchr(w[1], '/');
		int i;

		if (!slash || (proto && strcmp(slash + 1, proto)))
			continue;
		for (i = 0; i < words && (i == 1 || strcmp(w[i], name)); i++)
			;
		if (i < words)
			port = atoi(w[1]);
	}
	fclose(f);
	return port;
}
