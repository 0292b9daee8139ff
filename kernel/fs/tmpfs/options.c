/*
 * tmpfs mount options (fs/tmpfs.h): pure string parsing, with no kernel
 * dependencies, so tests/host/test_tmpfs_options.c runs it under the
 * sanitizers.
 */
#include <errno.h>
#include <fs/tmpfs.h>
#include <lib/string.h>

/*
 * Parses the digits in [s, end) in base 8 or 10 into *out. Returns the end
 * of the digits; NULL when there are none or the value overflows.
 */
static const char *parse_number(const char *s, const char *end, unsigned base, uint64_t *out)
{
	uint64_t v = 0;
	const char *p = s;
	while (p < end && *p >= '0' && *p < (char)('0' + base)) {
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, (uint64_t)(*p - '0'), &v))
			return NULL;
		p++;
	}
	if (p == s)
		return NULL;
	*out = v;
	return p;
}

/* size=: bytes with an optional k, m, g suffix, or a percentage of RAM; in pages. */
static int parse_size(const char *s, const char *end, uint64_t total_pages, uint64_t *pages)
{
	uint64_t v;
	const char *p = parse_number(s, end, 10, &v);
	if (!p)
		return -EINVAL;
	if (p < end && *p == '%' && p + 1 == end) {
		if (__builtin_mul_overflow(v, total_pages, &v))
			return -EINVAL;
		*pages = (v + 99) / 100;
		return 0;
	}
	unsigned shift = 0;
	if (p < end) {
		if (p + 1 != end)
			return -EINVAL;
		switch (*p) {
		case 'k':
		case 'K':
			shift = 10;
			break;
		case 'm':
		case 'M':
			shift = 20;
			break;
		case 'g':
		case 'G':
			shift = 30;
			break;
		default:
			return -EINVAL;
		}
	}
	if (v > (UINT64_MAX >> shift))
		return -EINVAL;
	v <<= shift;
	*pages = v / PAGE_SIZE + (v % PAGE_SIZE != 0);
	return 0;
}

/* Whether the option [s, end) starts with the key name followed by '='. */
static const char *option_value(const char *s, const char *end, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(end - s) <= n || memcmp(s, name, n) || s[n] != '=')
		return NULL;
	return s + n + 1;
}

static int parse_one(const char *s, const char *end, uint64_t total_pages, struct tmpfs_options *o)
{
	const char *val;
	uint64_t v = 0;
	if ((val = option_value(s, end, "size")))
		return parse_size(val, end, total_pages, &o->max_pages);
	if ((val = option_value(s, end, "nr_blocks"))) {
		if (parse_number(val, end, 10, &v) != end)
			return -EINVAL;
		o->max_pages = v;
		return 0;
	}
	if ((val = option_value(s, end, "mode"))) {
		if (parse_number(val, end, 8, &v) != end || v > 07777)
			return -EINVAL;
		o->mode = (uint32_t)v;
		return 0;
	}
	if ((val = option_value(s, end, "uid")) || (val = option_value(s, end, "gid"))) {
		if (parse_number(val, end, 10, &v) != end || v > UINT32_MAX)
			return -EINVAL;
		if (s[0] == 'u')
			o->uid = (uint32_t)v;
		else
			o->gid = (uint32_t)v;
		return 0;
	}
	return -EINVAL;
}

int tmpfs_parse_options(const char *data, uint64_t total_pages, struct tmpfs_options *out)
{
	struct tmpfs_options o = {.max_pages = total_pages / 2, .mode = 01777};
	const char *s = data ? data : "";
	while (*s) {
		const char *end = strchr(s, ',');
		if (!end)
			end = s + strlen(s);
		if (end > s) {
			int err = parse_one(s, end, total_pages, &o);
			if (err)
				return err;
		}
		s = *end ? end + 1 : end;
	}
	*out = o;
	return 0;
}
