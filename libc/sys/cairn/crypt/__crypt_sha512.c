/*
 * __crypt_sha512: Ulrich Drepper's SHA-512 crypt ("$6$", the glibc and
 * shadow-utils default): setting is "$6$[rounds=N$]salt[$...]", the salt
 * at most 16 characters, N clamped to 1000..999999999 (5000 by default, and
 * then not written back). The result "$6$[rounds=N$]salt$" and 86
 * characters of hash goes to out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/hash.h"

#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN     1000
#define ROUNDS_MAX     999999999UL

/* Adds n bytes of the 64-byte block h, repeated, to c. */
static void add_repeated(struct __sha512 *c, const unsigned char *h, size_t n)
{
	for (; n > 64; n -= 64)
		__sha512_update(c, h, 64);
	__sha512_update(c, h, n);
}

char *__crypt_sha512(const char *key, const char *setting, char *out)
{
	struct __sha512 c;
	unsigned char a[64], b[64], dp[64], ds[64];
	unsigned long rounds = ROUNDS_DEFAULT;
	int custom = 0;
	size_t kl = strlen(key), sl;
	const char *salt = setting + 3;
	char *p;

	if (!strncmp(salt, "rounds=", 7)) {
		char *end;
		unsigned long r = strtoul(salt + 7, &end, 10);

		if (*end != '$' || end == salt + 7)
			return 0;
		rounds = r < ROUNDS_MIN ? ROUNDS_MIN : r > ROUNDS_MAX ? ROUNDS_MAX : r;
		custom = 1;
		salt = end + 1;
	}
	sl = strcspn(salt, "$");
	if (sl > 16)
		sl = 16;

	__sha512_init(&c);
	__sha512_update(&c, key, kl);
	__sha512_update(&c, salt, sl);
	__sha512_update(&c, key, kl);
	__sha512_final(&c, b);

	__sha512_init(&c);
	__sha512_update(&c, key, kl);
	__sha512_update(&c, salt, sl);
	add_repeated(&c, b, kl);
	for (size_t n = kl; n; n >>= 1) {
		if (n & 1)
			__sha512_update(&c, b, 64);
		else
			__sha512_update(&c, key, kl);
	}
	__sha512_final(&c, a);

	__sha512_init(&c);
	for (size_t i = 0; i < kl; i++)
		__sha512_update(&c, key, kl);
	__sha512_final(&c, dp);
	__sha512_init(&c);
	for (size_t i = 0; i < 16u + a[0]; i++)
		__sha512_update(&c, salt, sl);
	__sha512_final(&c, ds);

	for (unsigned long i = 0; i < rounds; i++) {
		__sha512_init(&c);
		if (i & 1)
			add_repeated(&c, dp, kl);
		else
			__sha512_update(&c, a, 64);
		if (i % 3)
			__sha512_update(&c, ds, sl);
		if (i % 7)
			add_repeated(&c, dp, kl);
		if (i & 1)
			__sha512_update(&c, a, 64);
		else
			add_repeated(&c, dp, kl);
		__sha512_final(&c, a);
	}

	p = out;
	memcpy(p, "$6$", 3);
	p += 3;
	if (custom)
		p += sprintf(p, "rounds=%lu$", rounds);
	memcpy(p, salt, sl);
	p += sl;
	*p++ = '$';
	for (int i = 0; i < 21; i++) {
		int t[3] = {i, i + 21, i + 42}, r = i % 3;

		__crypt_b64(&p, a[t[r]], a[t[(r + 1) % 3]], a[t[(r + 2) % 3]], 4);
	}
	__crypt_b64(&p, 0, 0, a[63], 2);
	*p = 0;
	return out;
}
