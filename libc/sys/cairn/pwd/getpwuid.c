/* getpwuid: getpwuid_r() into static memory; NULL (errno set if an error) when absent. */
#include <errno.h>

#include "internal/userdb.h"

struct passwd *getpwuid(uid_t uid)
{
	static struct passwd pw;
	static char buf[__USERDB_BUFSIZE];
	struct passwd *res;
	int r = getpwuid_r(uid, &pw, buf, sizeof(buf), &res);

	if (r)
		errno = r;
	return res;
}
