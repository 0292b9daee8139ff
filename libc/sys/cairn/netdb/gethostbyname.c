/*
 * gethostbyname: the IPv4 addresses of name (numeric, or from /etc/hosts) in
 * static memory (not reentrant); NULL with h_errno HOST_NOT_FOUND otherwise.
 */
#include <arpa/inet.h>
#include <string.h>

#include "internal/netdb.h"

#define MAX_ADDRS 16

struct hostent *gethostbyname(const char *name)
{
	static struct hostent he;
	static char canon[256];
	static struct in_addr addr[MAX_ADDRS];
	static char *list[MAX_ADDRS + 1], *aliases[1];
	struct __netaddr a[MAX_ADDRS];
	int n;

	if (inet_aton(name, &addr[0])) {
		n = 1;
		strncpy(canon, name, sizeof(canon) - 1);
	} else {
		n = __hosts_by_name(name, AF_INET, a, MAX_ADDRS, canon, sizeof(canon));
		for (int i = 0; i < n; i++)
			memcpy(&addr[i], a[i].addr, 4);
	}
	if (!n) {
		h_errno = HOST_NOT_FOUND;
		return 0;
	}
	for (int i = 0; i < n; i++)
		list[i] = (char *)&addr[i];
	list[n] = 0;
	aliases[0] = 0;
	he.h_name = canon;
	he.h_aliases = aliases;
	he.h_addrtype = AF_INET;
	he.h_length = 4;
	he.h_addr_list = list;
	return &he;
}
