/* __dns_query: a DNS query message (internal/dns.h). */
#include <string.h>

#include "internal/dns.h"

int __dns_query(unsigned char *buf, size_t size, const char *name, int type, unsigned id)
{
	size_t n = strlen(name), pos = DNS_HEADER;
	const char *p = name;

	if (n && name[n - 1] == '.')
		n--;
	if (n == 0 || n + 2 > DNS_NAME_MAX || DNS_HEADER + n + 2 + 4 > size)
		return -1;
	memset(buf, 0, DNS_HEADER);
	buf[0] = (unsigned char)(id >> 8);
	buf[1] = (unsigned char)id;
	buf[2] = 0x01; /* RD: recursion desired */
	buf[5] = 1;    /* one question */
	while (p < name + n) {
		const char *dot = memchr(p, '.', (size_t)(name + n - p));
		size_t l = dot ? (size_t)(dot - p) : (size_t)(name + n - p);

		if (l == 0 || l > DNS_LABEL_MAX)
			return -1;
		buf[pos++] = (unsigned char)l;
		memcpy(buf + pos, p, l);
		pos += l;
		p += l + 1;
	}
	buf[pos++] = 0;
	buf[pos++] = (unsigned char)(type >> 8);
	buf[pos++] = (unsigned char)type;
	buf[pos++] = 0;
	buf[pos++] = DNS_CLASS_IN;
	return (int)pos;
}
