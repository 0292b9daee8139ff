/* getgrnam: getgrnam_r() into static memory; NULL (errno set if an error) when absent. */
#include <errno.h>

#include "internal/userdb.h"

struct group *getgrnam(const char *name)
{
	static struct group gr;
	static char buf[__USERDB_BUFSIZE * 4];
	struct group *res;
	int r = getgrnam_r(name, &gr, buf, sizeof(buf), &res);

	if (r)
		errno = r;
	return res;
}
