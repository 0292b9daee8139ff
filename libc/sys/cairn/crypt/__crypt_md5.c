/*
 * __crypt_md5: Poul-Henning Kamp's MD5 crypt ("$1$"): setting is
 * "$1$salt[$...]", the salt at most 8 characters, 1000 rounds. The result
 * "$1$salt$" and 22 characters of hash goes to out.
 */
#include <string.h>

#include "internal/hash.h"

char *__crypt_md5(const char *key, const char *setting, char *out)
{
	struct __md5 c;
	unsigned char alt[16];
	size_t kl = strlen(key), sl;
	const char *salt = setting + 3;
	char *p;

	sl = strcspn(salt, "$");
	if (sl > 8)
		sl = 8;

	__md5_init(&c);
	__md5_update(&c, key, kl);
	__md5_update(&c, salt, sl);
	__md5_update(&c, key, kl);
	__md5_final(&c, alt);

	__md5_init(&c);
	__md5_update(&c, key, kl);
	__md5_update(&c, "$1$", 3);
	__md5_update(&c, salt, sl);
	for (size_t n = kl; n > 0; n -= n > 16 ? 16 : n)
		__md5_update(&c, alt, n > 16 ? 16 : n);
	for (size_t n = kl; n; n >>= 1)
		__md5_update(&c, (n & 1) ? "" : key, 1);
	__md5_final(&c, alt);

	for (int i = 0; i < 1000; i++) {
		__md5_init(&c);
		if (i & 1)
			__md5_update(&c, key, kl);
		else
			__md5_update(&c, alt, 16);
		if (i % 3)
			__md5_update(&c, salt, sl);
		if (i % 7)
			__md5_update(&c, key, kl);
		if (i & 1)
			__md5_update(&c, alt, 16);
		else
			__md5_update(&c, key, kl);
		__md5_final(&c, alt);
	}

	p = out;
	memcpy(p, "$1$", 3);
	p += 3;
	memcpy(p, salt, sl);
	p += sl;
	*p++ = '$';
	for (int i = 0; i < 4; i++)
		__crypt_b64(&p, alt[i], alt[i + 6], alt[i + 12], 4);
	__crypt_b64(&p, alt[4], alt[10], alt[5], 4);
	__crypt_b64(&p, 0, 0, alt[11], 2);
	*p = 0;
	return out;
}
