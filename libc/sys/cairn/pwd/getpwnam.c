/* getpwnam: getpwnam_r() into static memory; NULL (errno set if an error) when absent. */
#include <errno.h>

#include "internal/userdb.h"

struct passwd *getpwnam(const char *name)
{
	static struct passwd pw;
	static char buf[__USERDB_BUFSIZE];
	struct passwd *res;
	int r = getpwnam_r(name, &pw, buf, sizeof(buf), &res);

	if (r)
		errno = r;
	return res;
}
