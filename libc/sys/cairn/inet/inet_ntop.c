/*
 * inet_ntop: the text form of an AF_INET or AF_INET6 address into dst
 * (size bytes). IPv6 follows RFC 5952: lowercase hex, the longest run of two
 * or more zero groups (the first of equal runs) written "::", and
 * ::ffff:a.b.c.d for IPv4-mapped addresses. Returns dst, or NULL with
 * ENOSPC when it does not fit or EAFNOSUPPORT for another family.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *put(const char *s, char *dst, socklen_t size)
{
	size_t n = strlen(s);

	if (n + 1 > size) {
		errno = ENOSPC;
		return 0;
	}
	memcpy(dst, s, n + 1);
	return dst;
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t size)
{
	const unsigned char *a = src;
	char buf[64], *p = buf;
	int best = -1, bestlen = 0, i, j;

	if (af == AF_INET) {
		snprintf(buf, sizeof(buf), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		return put(buf, dst, size);
	}
	if (af != AF_INET6) {
		errno = EAFNOSUPPORT;
		return 0;
	}
	if (!memcmp(a, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12)) {
		snprintf(buf, sizeof(buf), "::ffff:%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
		return put(buf, dst, size);
	}
	for (i = 0; i < 8; i = j + 1) {
		for (j = i; j < 8 && !a[2 * j] && !a[2 * j + 1]; j++)
			;
		if (j - i > bestlen && j - i >= 2) {
			best = i;
			bestlen = j - i;
		}
	}
	for (i = 0; i < 8; i++) {
		if (i == best) {
			*p++ = ':';
			if (i == 0)
				*p++ = ':';
			i += bestlen - 1;
			continue;
		}
		p += sprintf(p, "%x", a[2 * i] << 8 | a[2 * i + 1]);
		if (i < 7)
			*p++ = ':';
	}
	*p = 0;
	return put(buf, dst, size);
}
