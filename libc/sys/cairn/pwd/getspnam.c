/* getspnam: getspnam_r() into static memory; NULL (errno set if an error) when absent. */
#include <errno.h>

#include "internal/userdb.h"

struct spwd *getspnam(const char *name)
{
	static struct spwd sp;
	static char buf[__USERDB_BUFSIZE];
	struct spwd *res;
	int r = getspnam_r(name, &sp, buf, sizeof(buf), &res);

	if (r)
		errno = r;
	return res;
}
