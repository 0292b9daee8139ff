/* getmntent: getmntent_r() into static memory (not thread-safe, as in glibc). */
#include <mntent.h>
#include <stdio.h>

struct mntent *getmntent(FILE *f)
{
	static struct mntent ent;
	static char buf[4096];

	return getmntent_r(f, &ent, buf, sizeof(buf));
}
