/*
 * <crypt.h>: password hashing (crypt is also declared by <unistd.h>):
 * "$6$" SHA-512, "$5$" SHA-256 and "$1$" MD5 crypt (libc/sys/cairn/crypt/).
 * struct crypt_data has libxcrypt's layout (Debian's <crypt.h>); crypt_r
 * writes its result to `output`.
 */
#ifndef _CRYPT_H
#define _CRYPT_H

#include <sys/cdefs.h>

#define CRYPT_OUTPUT_SIZE 384
#define CRYPT_MAX_PASSPHRASE_SIZE 512

struct crypt_data {
	char output[CRYPT_OUTPUT_SIZE];
	char setting[CRYPT_OUTPUT_SIZE];
	char input[CRYPT_MAX_PASSPHRASE_SIZE];
	char reserved[767];
	char initialized;
	char internal[30720];
};

__BEGIN_DECLS
char *crypt(const char *, const char *);
char *crypt_r(const char *, const char *, struct crypt_data *);
__END_DECLS

#endif
