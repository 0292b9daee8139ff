/*
 * hasmntopt: finds the option opt in ent's comma-separated mnt_opts, either
 * alone or as opt=value. Returns a pointer to it inside mnt_opts, or NULL.
 */
#include <mntent.h>
#include <string.h>

char *hasmntopt(const struct mntent *ent, const char *opt)
{
	size_t n = strlen(opt);
	char *p = ent->mnt_opts;

	while (p && *p) {
		if (strncmp(p, opt, n) == 0 && (p[n] == '\0' || p[n] == ',' || p[n] == '='))
			return p;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return NULL;
}
