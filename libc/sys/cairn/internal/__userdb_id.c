/* __userdb_id: a numeric id field of a user database (internal/userdb_fields.h). */
#include "internal/userdb_fields.h"

int __userdb_id(const char *s, unsigned int *id)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > 0xffffffffUL)
			return -1;
	}
	*id = (unsigned int)v;
	return 0;
}
