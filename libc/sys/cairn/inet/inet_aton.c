/*
 * inet_aton: parses an IPv4 address in the classic forms: a, a.b, a.b.c or
 * a.b.c.d, each part decimal, octal (leading 0) or hex (0x), the last part
 * filling the remaining bytes. Returns 1 and the address (network order)
 * in *addr, or 0 for anything else.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>

int inet_aton(const char *s, struct in_addr *addr)
{
	unsigned long part[4];
	const char *p = s;
	char *end;
	int n = 0;
	uint32_t v;

	for (;;) {
		if (!isdigit((unsigned char)*p))
			return 0;
		part[n] = strtoul(p, &end, 0);
		if (end == p)
			return 0;
		n++;
		if (*end != '.')
			break;
		if (n == 4)
			return 0;
		p = end + 1;
	}
	if (*end)
		return 0;
	for (int i = 0; i < n - 1; i++)
		if (part[i] > 0xff)
			return 0;
	switch (n) {
	case 1:
		if (part[0] > 0xffffffffUL)
			return 0;
		v = (uint32_t)part[0];
		break;
	case 2:
		if (part[1] > 0xffffff)
			return 0;
		v = (uint32_t)(part[0] << 24 | part[1]);
		break;
	case 3:
		if (part[2] > 0xffff)
			return 0;
		v = (uint32_t)(part[0] << 24 | part[1] << 16 | part[2]);
		break;
	default:
		if (part[3] > 0xff)
			return 0;
		v = (uint32_t)(part[0] << 24 | part[1] << 16 | part[2] << 8 | part[3]);
		break;
	}
	if (addr)
		addr->s_addr = htonl(v);
	return 1;
}
