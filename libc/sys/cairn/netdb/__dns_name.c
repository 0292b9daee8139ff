/*
 * __dns_name: a name in a DNS message, compression pointers followed
 * (internal/dns.h). A pointer loop cannot run forever: the name may take at
 * most as many pointers as the message has bytes, and never more than 128.
 */
#include "internal/dns.h"

#define MAX_JUMPS 128

int __dns_name(const unsigned char *msg, size_t len, size_t *pos, char *out, size_t size)
{
	size_t p = *pos, o = 0, wire = 0, end = 0;
	int jumps = 0;

	if (size == 0)
		return -1;
	for (;;) {
		unsigned l;

		if (p >= len)
			return -1;
		l = msg[p];
		if ((l & 0xc0) == 0xc0) {
			if (p + 1 >= len || ++jumps > MAX_JUMPS || (size_t)jumps > len)
				return -1;
			if (!end)
				end = p + 2;
			p = (l & 0x3f) << 8 | msg[p + 1];
			continue;
		}
		if (l & 0xc0) /* the 01 and 10 label types are obsolete or unused */
			return -1;
		p++;
		wire += l + 1;
		if (wire + 1 > DNS_NAME_MAX)
			return -1;
		if (l == 0)
			break;
		if (p + l > len || o + (o ? 1 : 0) + l + 1 > size)
			return -1;
		if (o)
			out[o++] = '.';
		for (unsigned i = 0; i < l; i++) {
			unsigned char c = msg[p + i];

			if (c == '.' || c == 0)
				return -1;
			out[o++] = (char)c;
		}
		p += l;
	}
	out[o] = 0;
	*pos = end ? end : p;
	return 0;
}
