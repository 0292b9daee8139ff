/* getgrgid_r: the first /etc/group entry with gid, in the caller's memory. */
#include "internal/userdb.h"

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size, struct group **res)
{
	return __group_lookup(0, gid, gr, buf, size, res);
}
