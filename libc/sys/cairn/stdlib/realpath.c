/*
 * realpath: the absolute path of path with every ".", ".." and symbolic link
 * resolved, into resolved (PATH_MAX bytes) or, when resolved is NULL, a
 * malloc()ed buffer. Every component must exist (ENOENT, ENOTDIR as
 * lstat() says); more than 40 links is ELOOP, a result past PATH_MAX
 * ENAMETOOLONG.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

char *realpath(const char *restrict path, char *restrict resolved)
{
	char out[PATH_MAX], rest[PATH_MAX], link[PATH_MAX];
	size_t olen = 0, rlen;
	int links = 0;
	struct stat st;

	if (!path) {
		errno = EINVAL;
		return 0;
	}
	if (!*path) {
		errno = ENOENT;
		return 0;
	}
	rlen = strlen(path);
	if (rlen >= sizeof(rest)) {
		errno = ENAMETOOLONG;
		return 0;
	}
	memcpy(rest, path, rlen + 1);
	if (rest[0] != '/') {
		if (!getcwd(out, sizeof(out)))
			return 0;
		olen = strlen(out);
		if (olen == 1)
			olen = 0;
	}
	out[olen] = 0;

	char *p = rest;
	while (*p) {
		char *name = p;
		size_t nlen;

		while (*name == '/')
			name++;
		p = name;
		while (*p && *p != '/')
			p++;
		nlen = (size_t)(p - name);
		if (nlen == 0 || (nlen == 1 && name[0] == '.'))
			continue;
		if (nlen == 2 && name[0] == '.' && name[1] == '.') {
			while (olen && out[olen - 1] != '/')
				olen--;
			if (olen)
				olen--;
			out[olen] = 0;
			continue;
		}
		if (olen + 1 + nlen >= sizeof(out)) {
			errno = ENAMETOOLONG;
			return 0;
		}
		out[olen] = '/';
		memcpy(out + olen + 1, name, nlen);
		out[olen + 1 + nlen] = 0;
		if (lstat(out, &st) < 0)
			return 0;
		if (S_ISLNK(st.st_mode)) {
			ssize_t n = readlink(out, link, sizeof(link) - 1);
			size_t left = strlen(p);

			if (n < 0)
				return 0;
			if (++links > MAX_LINKS) {
				errno = ELOOP;
				return 0;
			}
			if ((size_t)n + left + 1 > sizeof(rest)) {
				errno = ENAMETOOLONG;
				return 0;
			}
			memmove(rest + n, p, left + 1);
			memcpy(rest, link, (size_t)n);
			p = rest;
			if (link[0] == '/')
				olen = 0;
			out[olen] = 0;
			continue;
		}
		olen += 1 + nlen;
		if (*p && !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return 0;
		}
	}
	if (!olen)
		out[olen++] = '/';
	out[olen] = 0;
	if (!resolved) {
		resolved = malloc(olen + 1);
		if (!resolved)
			return 0;
	}
	memcpy(resolved, out, olen + 1);
	return resolved;
}
