/* Kernel command line lookup over boot_info.cmdline. */
#include <boot.h>
#include <cmdline.h>
#include <lib/string.h>

bool cmdline_get(const char *key, char *buf, size_t size)
{
	const char *p = boot_info.cmdline;
	size_t klen = strlen(key);
	bool found = false;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *word = p;
		while (*p && *p != ' ')
			p++;
		size_t wlen = (size_t)(p - word);
		if (wlen >= klen && !strncmp(word, key, klen) && (wlen == klen || word[klen] == '=')) {
			found = true;
			if (buf && size) {
				size_t vlen = wlen > klen ? wlen - klen - 1 : 0;
				if (vlen >= size)
					vlen = size - 1;
				memcpy(buf, word + klen + (wlen > klen), vlen);
				buf[vlen] = 0;
			}
		}
	}
	return found;
}

bool cmdline_has(const char *key)
{
	return cmdline_get(key, NULL, 0);
}
