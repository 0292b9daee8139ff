/*
 * crypt: __crypt (crypt/__crypt.c) into a static buffer, so not reentrant:
 * crypt_r is.
 */
#include <unistd.h>

#include "internal/hash.h"

char *crypt(const char *key, const char *setting)
{
	static char out[128];

	return __crypt(key, setting, out);
}
