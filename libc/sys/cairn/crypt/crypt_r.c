/*
 * crypt_r: crypt() with the result in data->output instead of a static
 * buffer, so threads may hash at the same time. data needs no
 * initialisation (the `initialized` field is accepted and ignored).
 */
#include <crypt.h>

#include "internal/hash.h"

char *crypt_r(const char *key, const char *setting, struct crypt_data *data)
{
	return __crypt(key, setting, data->output);
}
