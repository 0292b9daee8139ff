/*
 * inet_pton: parses an address of family AF_INET (exactly four decimal
 * parts, no leading zeros) or AF_INET6 (RFC 4291 text: hex groups, one "::",
 * an optional dotted IPv4 tail) into dst in network order. Returns 1, 0 for
 * an invalid string, or -1 with EAFNOSUPPORT for another family.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

static int pton4(const char *s, unsigned char *out)
{
	int n = 0;

	for (;;) {
		unsigned v = 0;
		const char *start = s;

		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9') {
			v = v * 10 + (unsigned)(*s++ - '0');
			if (v > 255 || s - start > 3)
				return 0;
		}
		if (s - start > 1 && *start == '0')
			return 0;
		out[n++] = (unsigned char)v;
		if (n == 4)
			return *s == 0;
		if (*s++ != '.')
			return 0;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int pton6(const char *s, unsigned char *out)
{
	unsigned char buf[16];
	int n = 0, gap = -1;

	memset(buf, 0, sizeof(buf));
	if (s[0] == ':') {
		if (s[1] != ':')
			return 0;
		s++;
	}
	while (*s) {
		const char *start = s;
		unsigned v = 0;
		int d;

		if (*s == ':') {
			if (gap >= 0)
				return 0;
			gap = n;
			s++;
			continue;
		}
		while ((d = hexval(*s)) >= 0) {
			v = v << 4 | (unsigned)d;
			if (++s - start > 4)
				return 0;
		}
		if (*s == '.') {
			if (n > 12 || !pton4(start, buf + n))
				return 0;
			n += 4;
			break;
		}
		if (s == start || n > 14)
			return 0;
		buf[n++] = (unsigned char)(v >> 8);
		buf[n++] = (unsigned char)v;
		if (*s == ':') {
			if (!*++s)
				return 0;
		} else if (*s) {
			return 0;
		}
	}
	if (gap >= 0) {
		if (n == 16)
			return 0;
		memmove(buf + 16 - (n - gap), buf + gap, (size_t)(n - gap));
		memset(buf + gap, 0, (size_t)(16 - n));
	} else if (n != 16) {
		return 0;
	}
	memcpy(out, buf, 16);
	return 1;
}

int inet_pton(int af, const char *restrict src, void *restrict dst)
{
	unsigned char buf[4];

	switch (af) {
	case AF_INET:
		if (!pton4(src, buf))
			return 0;
		memcpy(dst, buf, 4);
		return 1;
	case AF_INET6:
		return pton6(src, dst);
	default:
		errno = EAFNOSUPPORT;
		return -1;
	}
}
