/*
 * basename: POSIX's basename() (<libgen.h>, which names it __xpg_basename's
 * symbol "basename"): the last component of path, trailing slashes removed
 * in place; "." for an empty path, "/" for a path of slashes only.
 */
#include <libgen.h>
#include <string.h>

#undef basename
char *basename(char *path)
{
	static char dot[] = ".";
	size_t n;

	if (!path || !*path)
		return dot;
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (n == 1 && path[0] == '/')
		return path;
	char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
