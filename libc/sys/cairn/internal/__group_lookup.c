/* __group_lookup: a /etc/group entry by name or gid (internal/userdb.h). */
#include <errno.h>
#include <string.h>

#include "internal/userdb.h"

int __group_lookup(const char *name, gid_t gid, struct group *gr, char *buf, size_t size,
                   struct group **res)
{
	FILE *f = fopen(__GROUP_PATH, "re");
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
		r = __group_parse(buf, size, gr);
		if (r == -2)
			overflow = 1;
		if (r < 0)
			continue;
		if (name ? !strcmp(gr->gr_name, name) : gr->gr_gid == gid) {
			*res = gr;
			break;
		}
	}
	fclose(f);
	errno = saved;
	return !*res && overflow ? ERANGE : 0;
}
