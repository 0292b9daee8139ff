/* __dns_reverse_name: the in-addr.arpa or ip6.arpa name of an address (internal/dns.h). */
#include <stdio.h>
#include <sys/socket.h>

#include "internal/dns.h"

int __dns_reverse_name(int family, const unsigned char *a, char *out, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	if (family == AF_INET) {
		int n = snprintf(out, size, "%u.%u.%u.%u.in-addr.arpa", a[3], a[2], a[1], a[0]);
		return n > 0 && (size_t)n < size ? 0 : -1;
	}
	if (family != AF_INET6 || size < 16 * 4 + sizeof("ip6.arpa"))
		return -1;
	for (int i = 15; i >= 0; i--) {
		out[o++] = hex[a[i] & 15];
		out[o++] = '.';
		out[o++] = hex[a[i] >> 4];
		out[o++] = '.';
	}
	snprintf(out + o, size - o, "ip6.arpa");
	return 0;
}
