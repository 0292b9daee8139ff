/*
 * gethostbyaddr: the /etc/hosts name of an IPv4 or IPv6 address, in static
 * memory (not reentrant); NULL with h_errno HOST_NOT_FOUND when absent.
 */
#include <arpa/inet.h>
#include <string.h>

#include "internal/netdb.h"

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int family)
{
	static struct hostent he;
	static char name[256];
	static unsigned char bytes[16];
	static char *list[2], *aliases[1];
	struct __netaddr a;

	if ((family != AF_INET || len != 4) && (family != AF_INET6 || len != 16)) {
		h_errno = NO_RECOVERY;
		return 0;
	}
	a.family = family;
	memcpy(a.addr, addr, len);
	if (__hosts_by_addr(&a, name, sizeof(name)) < 0) {
		h_errno = HOST_NOT_FOUND;
		return 0;
	}
	memcpy(bytes, addr, len);
	list[0] = (char *)bytes;
	list[1] = 0;
	aliases[0] = 0;
	he.h_name = name;
	he.h_aliases = aliases;
	he.h_addrtype = family;
	he.h_length = (int)len;
	he.h_addr_list = list;
	return &he;
}
