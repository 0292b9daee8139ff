/*
 * gethostbyname: the IPv4 addresses of name (numeric, from /etc/hosts, or
 * else DNS A records, internal/dns.h) in static memory (not reentrant);
 * NULL otherwise, with h_errno HOST_NOT_FOUND (no such name), NO_DATA (no
 * A record) or TRY_AGAIN (no name server answered, or there is no network).
 */
#include <arpa/inet.h>
#include <string.h>

#include "internal/dns.h"
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
		static struct __dns_answer ans;
		int r = __dns_lookup(name, DNS_TYPE_A, &ans);

		if (r) {
			h_errno = r == EAI_NONAME   ? HOST_NOT_FOUND
			          : r == EAI_NODATA ? NO_DATA
			                            : TRY_AGAIN;
			return 0;
		}
		n = ans.count < MAX_ADDRS ? ans.count : MAX_ADDRS;
		for (int i = 0; i < n; i++)
			memcpy(&addr[i], ans.addr[i], 4);
		strcpy(canon, ans.canon);
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
