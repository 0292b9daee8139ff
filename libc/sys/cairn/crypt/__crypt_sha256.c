/*
 * __crypt_sha256: Ulrich Drepper's SHA-256 crypt ("$5$"), the same
 * algorithm as "$6$" (__crypt_sha512.c) over 32-byte digests: setting is
 * "$5$[rounds=N$]salt[$...]", the salt at most 16 characters, N clamped to
 * 1000..999999999 (5000 by default, and then not written back). The result
 * "$5$[rounds=N$]salt$" and 43 characters of hash goes to out; NULL for a
 * malformed rounds= field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal/hash.h"

#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN     1000
#define ROUNDS_MAX     999999999UL

/* Adds n bytes of the 32-byte block h, repeated, to c. */
static void add_repeated(struct __sha256 *c, const unsigned char *h, size_t n)
{
	for (; n > 32; n -= 32)
		__sha256_update(c, h, 32);
	__sha256_update(c, h, n);
}

char *__crypt_sha256(const char *key, const char *setting, char *out)
{
	struct __sha256 c;
	unsigned char a[32], b[32], dp[32], ds[32];
	unsigned long rounds = ROUNDS_DEFAULT;
	int custom = 0;
	size_t kl = strlen(key), sl;
	const char *salt = setting + 3;
	char *p;

	if (!strncmp(salt, "rounds=", 7)) {
		char *end;
		unsigned long r = strtoul(salt + 7, &end, 10);

		if (*end != '$' || end == salt + 7 || salt[7] == '-')
			return 0;
		rounds = r < ROUNDS_MIN ? ROUNDS_MIN : r > ROUNDS_MAX ? ROUNDS_MAX : r;
		custom = 1;
		salt = end + 1;
	}
	sl = strcspn(salt, "$");
	if (sl > 16)
		sl = 16;

	__sha256_init(&c);
	__sha256_update(&c, key, kl);
	__sha256_update(&c, salt, sl);
	__sha256_update(&c, key, kl);
	__sha256_final(&c, b);

	__sha256_init(&c);
	__sha256_update(&c, key, kl);
	__sha256_update(&c, salt, sl);
	add_repeated(&c, b, kl);
	for (size_t n = kl; n; n >>= 1) {
		if (n & 1)
			__sha256_update(&c, b, 32);
		else
			__sha256_update(&c, key, kl);
	}
	__sha256_final(&c, a);

	__sha256_init(&c);
	for (size_t i = 0; i < kl; i++)
		__sha256_update(&c, key, kl);
	__sha256_final(&c, dp);
	__sha256_init(&c);
	for (size_t i = 0; i < 16u + a[0]; i++)
		__sha256_update(&c, salt, sl);
	__sha256_final(&c, ds);

	for (unsigned long i = 0; i < rounds; i++) {
		__sha256_init(&c);
		if (i & 1)
			add_repeated(&c, dp, kl);
		else
			__sha256_update(&c, a, 32);
		if (i % 3)
			__sha256_update(&c, ds, sl);
		if (i % 7)
			add_repeated(&c, dp, kl);
		if (i & 1)
			__sha256_update(&c, a, 32);
		else
			add_repeated(&c, dp, kl);
		__sha256_final(&c, a);
	}

	p = out;
	memcpy(p, "$5$", 3);
	p += 3;
	if (custom)
		p += sprintf(p, "rounds=%lu$", rounds);
	memcpy(p, salt, sl);
	p += sl;
	*p++ = '$';
	/* The specification's order: groups (i, i+10, i+20), rotated by i. */
	for (int i = 0; i < 10; i++) {
		int t[3] = {i, i + 10, i + 20}, r = (3 - i % 3) % 3;

		__crypt_b64(&p, a[t[r]], a[t[(r + 1) % 3]], a[t[(r + 2) % 3]], 4);
	}
	__crypt_b64(&p, 0, a[31], a[30], 3);
	*p = 0;
	return out;
}
