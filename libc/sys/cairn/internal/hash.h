/*
 * The message digests crypt() needs: SHA-512, SHA-256 (FIPS 180-4) and MD5
 * (RFC 1321), each as init / update / final over a context. Private to the
 * library (libc/sys/cairn/crypt/).
 */
#ifndef _CAIRN_INTERNAL_HASH_H
#define _CAIRN_INTERNAL_HASH_H

#include <stddef.h>
#include <stdint.h>

struct __sha512 {
	uint64_t h[8];
	uint64_t len; /* bytes so far */
	unsigned char buf[128];
};

void __sha512_init(struct __sha512 *c);
void __sha512_update(struct __sha512 *c, const void *data, size_t n);
void __sha512_final(struct __sha512 *c, unsigned char out[64]);

struct __sha256 {
	uint32_t h[8];
	uint64_t len; /* bytes so far */
	unsigned char buf[64];
};

void __sha256_init(struct __sha256 *c);
void __sha256_update(struct __sha256 *c, const void *data, size_t n);
void __sha256_final(struct __sha256 *c, unsigned char out[32]);

struct __md5 {
	uint32_t h[4];
	uint64_t len;
	unsigned char buf[64];
};

void __md5_init(struct __md5 *c);
void __md5_update(struct __md5 *c, const void *data, size_t n);
void __md5_final(struct __md5 *c, unsigned char out[16]);

/*
 * crypt()'s base-64 ("./0-9A-Za-z"), least significant 6 bits first: the
 * n characters of the 24-bit group b2 b1 b0 appended at *p.
 */
void __crypt_b64(char **p, unsigned b2, unsigned b1, unsigned b0, int n);

/* The "$6$", "$5$" and "$1$" hashes of key with the salt setting, into out (room for 128). */
char *__crypt_sha512(const char *key, const char *setting, char *out);
char *__crypt_sha256(const char *key, const char *setting, char *out);
char *__crypt_md5(const char *key, const char *setting, char *out);

/* crypt() and crypt_r() (crypt/__crypt.c): the method setting names, or NULL with EINVAL. */
char *__crypt(const char *key, const char *setting, char *out);

#endif
