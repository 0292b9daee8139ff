/* getgrgid: getgrgid_r() into static memory; NULL (errno set if an error) when absent. */
#include <errno.h>

#include "internal/userdb.h"

struct group *getgrgid(gid_t gid)
{
	static struct group gr;
	static char buf[__USERDB_BUFSIZE * 4];
	struct group *res;
	int r = getgrgid_r(gid, &gr, buf, sizeof(buf), &res);

	if (r)
		errno = r;
	return res;
}
