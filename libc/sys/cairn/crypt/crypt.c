/*
 * crypt: the hash of key in the method and with the salt that setting names:
 * "$6$" SHA-512 crypt or "$1$" MD5 crypt (setting may be a whole earlier
 * result, so crypt(key, hash) == hash checks a password). Other methods
 * (DES, "$5$", yescrypt) give NULL with EINVAL. The result is in a static
 * buffer (not reentrant).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "internal/hash.h"

char *crypt(const char *key, const char *setting)
{
	static char out[128];

	if (!strncmp(setting, "$6$", 3))
		return __crypt_sha512(key, setting, out);
	if (!strncmp(setting, "$1$", 3))
		return __crypt_md5(key, setting, out);
	errno = EINVAL;
	return 0;
}
