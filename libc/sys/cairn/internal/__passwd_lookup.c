/* __passwd_lookup: a /etc/passwd entry by name or uid (internal/userdb.h). */
#include <errno.h>
#include <string.h>

#include "internal/userdb.h"

int __passwd_lookup(const char *name, uid_t uid, struct passwd *pw, char *buf, size_t size,
                    struct passwd **res)
{
	FILE *f = fopen(__PASSWD_PATH, "re");
	int saved = errno, r, overflow = 0;

	*res = 0;
	if (!f) {
		r = errno == ENOENT ? 0 : errno;
		errno = saved;
		return r;
	}
	while ((r = __userdb_line(f, buf, size)) != 0) {
		if (r < 0) {
			overflow = 1;
			continue;
		}
		if (__passwd_parse(buf, pw) < 0)
			continue;
		if (name ? !strcmp(pw->pw_name, name) : pw->pw_uid == uid) {
			*res = pw;
			break;
		}
	}
	fclose(f);
	errno = saved;
	return !*res && overflow ? ERANGE : 0;
}
