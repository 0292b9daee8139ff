/* __service_by_port: the /etc/services name of a port (internal/netdb.h). */
#include <stdlib.h>
#include <string.h>

#include "internal/netdb.h"

int __service_by_port(int port, const char *proto, char *name, size_t size)
{
	FILE *f = fopen(__SERVICES_PATH, "re");
	char buf[512], *w[2];
	int r = -1;

	if (!f)
		return -1;
	while (r < 0 && __netdb_words(f, buf, sizeof(buf), w, 2) == 2) {
		char *slash = strchr(w[1], '/');

		if (!slash || atoi(w[1]) != port || (proto && strcmp(slash + 1, proto)))
			continue;
		if (strlen(w[0]) >= size)
			break;
		strcpy(name, w[0]);
		r = 0;
	}
	fclose(f);
	return r;
}
