/*
 * Names on FAT: 8.3 short names (upper case, space padded, code page bytes
 * above 0x7F shown as '_'), VFAT long names (UTF-16, up to 255 units) and
 * the short names generated for new long names ("LONGNA~1.TXT").
 */
#include <errno.h>
#include <lib/string.h>

#include "fat.h"

uint8_t fat_lfn_checksum(const uint8_t short_name[11])
{
	uint8_t sum = 0;
	for (int i = 0; i < 11; i++)
		sum = (uint8_t)(((sum & 1) << 7) + (sum >> 1) + short_name[i]);
	return sum;
}

size_t fat_utf16_to_utf8(const uint16_t *in, size_t n, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = in[i];
		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && in[i + 1] >= 0xDC00 &&
		    in[i + 1] < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (in[i + 1] - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp < 0xE000) {
			cp = '?';
		}
		uint8_t b[4];
		size_t k;
		if (cp < 0x80) {
			b[0] = (uint8_t)cp;
			k = 1;
		} else if (cp < 0x800) {
			b[0] = (uint8_t)(0xC0 | (cp >> 6));
			b[1] = (uint8_t)(0x80 | (cp & 0x3F));
			k = 2;
		} else if (cp < 0x10000) {
			b[0] = (uint8_t)(0xE0 | (cp >> 12));
			b[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
			b[2] = (uint8_t)(0x80 | (cp & 0x3F));
			k = 3;
		} else {
			b[0] = (uint8_t)(0xF0 | (cp >> 18));
			b[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
			b[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
			b[3] = (uint8_t)(0x80 | (cp & 0x3F));
			k = 4;
		}
		if (o + k >= size)
			return 0;
		memcpy(out + o, b, k);
		o += k;
	}
	out[o] = 0;
	return o;
}

int fat_utf8_to_utf16(const char *in, size_t len, uint16_t *out, size_t max)
{
	const uint8_t *s = (const uint8_t *)in;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k;
		if (s[i] < 0x80) {
			cp = s[i];
			k = 1;
		} else if ((s[i] & 0xE0) == 0xC0) {
			cp = s[i] & 0x1F;
			k = 2;
		} else if ((s[i] & 0xF0) == 0xE0) {
			cp = s[i] & 0x0F;
			k = 3;
		} else if ((s[i] & 0xF8) == 0xF0) {
			cp = s[i] & 0x07;
			k = 4;
		} else {
			return -EINVAL;
		}
		if (i + k > len)
			return -EINVAL;
		for (size_t j = 1; j < k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return -EINVAL;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
		if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
			return -EINVAL;
		if (cp >= 0x10000) {
			if (n + 2 > max)
				return -ENAMETOOLONG;
			cp -= 0x10000;
			out[n++] = (uint16_t)(0xD800 + (cp >> 10));
			out[n++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
		} else {
			if (n + 1 > max)
				return -ENAMETOOLONG;
			out[n++] = (uint16_t)cp;
		}
		i += k;
	}
	return (int)n;
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

size_t fat_short_display(const struct fat_dirent *de, char *out)
{
	size_t o = 0;
	int base = 8, ext = 3;
	while (base > 0 && de->name[base - 1] == ' ')
		base--;
	while (ext > 0 && de->name[8 + ext - 1] == ' ')
		ext--;
	for (int i = 0; i < base; i++) {
		uint8_t c = de->name[i];
		if (i == 0 && c == FAT_DIRENT_KANJI)
			c = 0xE5;
		c = c >= 0x80 || c < 0x20 || c == '/' ? '_' : c;
		out[o++] = de->nt_case & FAT_CASE_LOWER_BASE ? lower((char)c) : (char)c;
	}
	if (ext) {
		out[o++] = '.';
		for (int i = 0; i < ext; i++) {
			uint8_t c = de->name[8 + i];
			c = c >= 0x80 || c < 0x20 || c == '/' ? '_' : c;
			out[o++] = de->nt_case & FAT_CASE_LOWER_EXT ? lower((char)c) : (char)c;
		}
	}
	if (o == 0)
		out[o++] = '_';
	out[o] = 0;
	return o;
}

bool fat_name_valid(const char *name, size_t len)
{
	if (len == 0 || name[len - 1] == '.' || name[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++) {
		uint8_t c = (uint8_t)name[i];
		if (c < 0x20 || c == 0x7F || strchr("\"*/:<>?\\|", c))
			return false;
	}
	return true;
}

/* Characters a short name may hold besides A-Z and 0-9. */
static bool short_char_ok(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr("!#$%&'()-@^_`{}~", c));
}

bool fat_name_is_short(const char *name, size_t len, uint8_t out[11])
{
	if (len == 0 || len > 12 || name[0] == '.')
		return false;
	memset(out, ' ', 11);
	size_t i = 0, o = 0;
	for (; i < len && name[i] != '.'; i++) {
		if (o == 8 || !short_char_ok(name[i]))
			return false;
		out[o++] = (uint8_t)name[i];
	}
	if (i == len)
		return true;
	i++; /* the dot */
	if (i == len)
		return false;
	for (o = 8; i < len; i++) {
		if (o == 11 || !short_char_ok(name[i]))
			return false;
		out[o++] = (uint8_t)name[i];
	}
	return true;
}

void fat_short_basis(const char *name, size_t len, uint8_t out[11])
{
	memset(out, ' ', 11);
	size_t start = 0;
	while (start < len && (name[start] == '.' || name[start] == ' '))
		start++;
	size_t dot = len;
	for (size_t i = len; i > start; i--) {
		if (name[i - 1] == '.') {
			dot = i - 1;
			break;
		}
	}
	size_t o = 0;
	for (size_t i = start; i < dot && o < 8; i++) {
		char c = upper(name[i]);
		if (c == ' ' || c == '.')
			continue;
		if ((uint8_t)c >= 0x80) {
			/* One '_' per UTF-8 sequence. */
			if (((uint8_t)c & 0xC0) == 0x80)
				continue;
			c = '_';
		}
		out[o++] = (uint8_t)(short_char_ok(c) ? c : '_');
	}
	if (o == 0)
		out[0] = '_';
	o = 8;
	for (size_t i = dot + 1; i < len && o < 11; i++) {
		char c = upper(name[i]);
		if (c == ' ')
			continue;
		if ((uint8_t)c >= 0x80) {
			if (((uint8_t)c & 0xC0) == 0x80)
				continue;
			c = '_';
		}
		out[o++] = (uint8_t)(short_char_ok(c) ? c : '_');
	}
}

void fat_short_tail(uint8_t name[11], unsigned n)
{
	char tail[8];
	int t = 0;
	char digits[8];
	int d = 0;
	do {
		digits[d++] = (char)('0' + n % 10);
		n /= 10;
	} while (n && d < 6);
	tail[t++] = '~';
	while (d)
		tail[t++] = digits[--d];
	int base = 0;
	while (base < 8 && name[base] != ' ')
		base++;
	if (base > 8 - t)
		base = 8 - t;
	memcpy(name + base, tail, (size_t)t);
	for (int i = base + t; i < 8; i++)
		name[i] = ' ';
}

bool fat_name_eq(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++) {
		if (upper(a[i]) != upper(b[i]))
			return false;
	}
	return true;
}
