/* getpwnam_r: the /etc/passwd entry of user name, in the caller's memory. */
#include "internal/userdb.h"

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size, struct passwd **res)
{
	return __passwd_lookup(name, 0, pw, buf, size, res);
}
