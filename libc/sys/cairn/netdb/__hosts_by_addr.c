/* __hosts_by_addr: the /etc/hosts name of an address (internal/netdb.h). */
#include <arpa/inet.h>
#include <string.h>

#include "internal/netdb.h"

int __hosts_by_addr(const struct __netaddr *addr, char *name, size_t size)
{
	FILE *f = fopen(__HOSTS_PATH, "re");
	char buf[512], *w[2];
	unsigned char a[16];
	size_t len = addr->family == AF_INET ? 4 : 16;
	int r = -1;

	if (!f)
		return -1;
	while (__netdb_words(f, buf, sizeof(buf), w, 2) == 2) {
		if (inet_pton(addr->family, w[0], a) != 1 || memcmp(a, addr->addr, len))
			continue;
		if (strlen(w[1]) < size) {
			strcpy(name, w[1]);
			r = 0;
		}
		break;
	}
	fclose(f);
	return r;
}
