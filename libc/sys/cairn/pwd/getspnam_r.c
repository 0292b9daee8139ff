/*
 * getspnam_r: the /etc/shadow entry of user name, in the caller's memory.
 * Returns 0 with *res NULL when there is none, ERANGE when a line did not
 * fit, or the error opening the file (EACCES for an unprivileged caller).
 */
#include <errno.h>
#include <string.h>

#include "internal/userdb.h"

int getspnam_r(const char *name, struct spwd *sp, char *buf, size_t size, struct spwd **res)
{
	FILE *f = fopen(__SHADOW_PATH, "re");
	int saved = errno, r, overflow = 0;

	*res = 0;
	if (!f) {
		r = errno;
		errno = saved;
		return r == ENOENT ? 0 : r;
	}
	while ((r = __userdb_line(f, buf, size)) != 0) {
		if (r < 0) {
			overflow = 1;
			continue;
		}
		if (__shadow_parse(buf, sp) == 0 && !strcmp(sp->sp_namp, name)) {
			*res = sp;
			break;
		}
	}
	fclose(f);
	errno = saved;
	return !*res && overflow ? ERANGE : 0;
}
