/* ustar parsing (POSIX.1-2001 pax/ustar header layout, 512-byte blocks). */
#include "tar.h"

#include <stdio.h>
#include <string.h>

#define BLOCK 512

void tar_open(struct tar_reader *r, const void *buf, size_t len)
{
	r->buf = buf;
	r->len = len;
	r->off = 0;
}

/* Parses an octal field of width n (NUL/space terminated); -1 when invalid. */
static long long octal(const uint8_t *p, size_t n)
{
	long long v = 0;
	size_t i = 0;
	while (i < n && p[i] == ' ')
		i++;
	size_t start = i;
	for (; i < n && p[i] >= '0' && p[i] <= '7'; i++) {
		if (v > (1LL << 40))
			return -1;
		v = v * 8 + (p[i] - '0');
	}
	if (i == start)
		return -1;
	for (; i < n; i++)
		if (p[i] != ' ' && p[i] != '\0')
			return -1;
	return v;
}

/* Copies a field of at most n bytes that need not be NUL-terminated. */
static void field(char *dst, const uint8_t *src, size_t n)
{
	size_t len = 0;
	while (len < n && src[len])
		len++;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static int zero_block(const uint8_t *p)
{
	for (int i = 0; i < BLOCK; i++)
		if (p[i])
			return 0;
	return 1;
}

int tar_next(struct tar_reader *r, struct tar_entry *e, const char **err)
{
	if (r->off == r->len)
		return 0;
	if (r->len - r->off < BLOCK) {
		*err = "truncated header";
		return -1;
	}
	const uint8_t *h = r->buf + r->off;
	if (zero_block(h))
		return 0;
	if (memcmp(h + 257, "ustar", 5) != 0) {
		*err = "not a ustar header";
		return -1;
	}
	long long sum = octal(h + 148, 8);
	long long want = 0;
	for (int i = 0; i < BLOCK; i++)
		want += (i >= 148 && i < 156) ? ' ' : h[i];
	if (sum != want) {
		*err = "header checksum mismatch";
		return -1;
	}
	long long size = octal(h + 124, 12), mode = octal(h + 100, 8);
	if (size < 0 || mode < 0) {
		*err = "bad size or mode field";
		return -1;
	}
	char prefix[156], name[101];
	field(prefix, h + 345, 155);
	field(name, h, 100);
	if (!name[0]) {
		*err = "empty member name";
		return -1;
	}
	if (prefix[0])
		snprintf(e->name, sizeof(e->name), "%s/%s", prefix, name);
	else
		snprintf(e->name, sizeof(e->name), "%s", name);
	field(e->linkname, h + 157, 100);
	e->type = h[156] ? (char)h[156] : '0';
	e->mode = (unsigned)mode & 07777;
	size_t body = ((size_t)size + BLOCK - 1) / BLOCK * BLOCK;
	if ((size_t)size > r->len - r->off - BLOCK || body > r->len - r->off - BLOCK) {
		*err = "member extends past the end of the archive";
		return -1;
	}
	e->data = h + BLOCK;
	e->size = (size_t)size;
	r->off += BLOCK + body;
	return 1;
}
