/* __hosts_by_name: the addresses /etc/hosts gives a name (internal/netdb.h). */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#include "internal/netdb.h"

int __hosts_by_name(const char *name, int family, struct __netaddr *out, int max, char *canon,
                    size_t canon_size)
{
	FILE *f = fopen(__HOSTS_PATH, "re");
	char buf[512], *w[16];
	int n = 0, words;

	if (!f)
		return 0;
	while (n < max && (words = __netdb_words(f, buf, sizeof(buf), w, 16))) {
		struct __netaddr a;
		int i;

		for (i = 1; i < words && strcasecmp(w[i], name); i++)
			;
		if (i == words)
			continue;
		if (inet_pton(AF_INET, w[0], a.addr) == 1)
			a.family = AF_INET;
		else if (inet_pton(AF_INET6, w[0], a.addr) == 1)
			a.family = AF_INET6;
		else
			continue;
		if (family != AF_UNSPEC && family != a.family)
			continue;
		if (n == 0 && canon && strlen(w[1]) < canon_size)
			strcpy(canon, w[1]);
		out[n++] = a;
	}
	fclose(f);
	return n;
}
