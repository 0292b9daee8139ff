/*
 * getgrouplist: the groups of user: group first, then every /etc/group
 * entry that lists user as a member (each gid once). Up to *n of them go in
 * groups; *n becomes their count. Returns that count, or -1 when there were
 * more than fit.
 */
#include <grp.h>
#include <string.h>

#include "internal/userdb.h"

int getgrouplist(const char *user, gid_t group, gid_t *groups, int *n)
{
	char buf[__USERDB_BUFSIZE * 4];
	struct group gr;
	FILE *f = fopen(__GROUP_PATH, "re");
	int count = 0, max = *n, r;

	if (max > 0)
		groups[0] = group;
	count = 1;
	while (f && (r = __userdb_line(f, buf, sizeof(buf))) != 0) {
		int dup = 0;

		if (r < 0 || __group_parse(buf, sizeof(buf), &gr) < 0)
			continue;
		for (char **m = gr.gr_mem; *m; m++) {
			if (strcmp(*m, user))
				continue;
			for (int i = 0; i < count && i < max; i++)
				dup |= groups[i] == gr.gr_gid;
			if (!dup) {
				if (count < max)
					groups[count] = gr.gr_gid;
				count++;
			}
			break;
		}
	}
	if (f)
		fclose(f);
	*n = count;
	return count > max ? -1 : count;
}
