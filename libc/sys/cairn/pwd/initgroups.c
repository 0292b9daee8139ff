/* initgroups: sets the supplementary groups to getgrouplist(user, group). */
#include <grp.h>
#include <unistd.h>
#include <uapi/limits.h>

int initgroups(const char *user, gid_t group)
{
	static gid_t groups[NGROUPS_MAX];
	int n = NGROUPS_MAX;

	if (getgrouplist(user, group, groups, &n) < 0)
		return -1;
	return setgroups(n, groups);
}
