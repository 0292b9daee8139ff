/*
 * <crypt.h>: password hashing (also declared by <unistd.h>): "$6$" SHA-512
 * and "$1$" MD5 crypt (libc/sys/cairn/crypt/).
 */
#ifndef _CRYPT_H
#define _CRYPT_H

#include <sys/cdefs.h>

__BEGIN_DECLS
char *crypt(const char *, const char *);
__END_DECLS

#endif
