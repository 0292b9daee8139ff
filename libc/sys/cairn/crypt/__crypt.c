/*
 * __crypt: the hash of key in the method that setting names, into out
 * (room for 128 characters): "$6$" SHA-512, "$5$" SHA-256 or "$1$" MD5
 * crypt. setting may be a whole earlier result, so crypt(key, hash) == hash
 * checks a password. Other methods (DES, yescrypt "$y$", ...) and malformed
 * settings give NULL with errno EINVAL.
 */
#include <errno.h>
#include <string.h>

#include "internal/hash.h"

char *__crypt(const char *key, const char *setting, char *out)
{
	char *r = 0;

	if (!strncmp(setting, "$6$", 3))
		r = __crypt_sha512(key, setting, out);
	else if (!strncmp(setting, "$5$", 3))
		r = __crypt_sha256(key, setting, out);
	else if (!strncmp(setting, "$1$", 3))
		r = __crypt_md5(key, setting, out);
	if (!r)
		errno = EINVAL;
	return r;
}
