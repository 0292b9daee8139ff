/* getpwuid_r: the first /etc/passwd entry with uid, in the caller's memory. */
#include "internal/userdb.h"

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **res)
{
	return __passwd_lookup(0, uid, pw, buf, size, res);
}
