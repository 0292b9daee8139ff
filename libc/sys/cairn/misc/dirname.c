/*
 * dirname: POSIX's dirname() (<libgen.h>): the parent directory part of path,
 * modified in place; "." for a name without a slash or an empty path, "/"
 * for the root.
 */
#include <libgen.h>
#include <string.h>

char *dirname(char *path)
{
	static char dot[] = ".";
	size_t n;

	if (!path || !*path)
		return dot;
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return dot;
	while (n > 1 && path[n - 1] == '/')
		n--;
	path[n] = '\0';
	return path;
}
