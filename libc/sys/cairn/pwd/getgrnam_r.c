/* getgrnam_r: the /etc/group entry of group name, in the caller's memory. */
#include "internal/userdb.h"

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size, struct group **res)
{
	return __group_lookup(name, 0, gr, buf, size, res);
}
