/*
 * execvpe: execve() with environment envp that looks a file name without a
 * slash up in the directories of $PATH (or "/bin:/usr/bin" when PATH is
 * unset; an empty entry means the current directory).
 *
 * A directory where the file is missing or not a directory (ENOENT,
 * ENOTDIR) is skipped. If some candidate existed but could not be run for
 * lack of permission, the result is EACCES, as POSIX asks; any other error
 * stops the search and is returned.
 *
 * FIXME: POSIX also wants a file that fails with ENOEXEC to be run by
 * /bin/sh; that arrives with a shell in the image.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uapi/limits.h>

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p, *end;
	char buf[PATH_MAX];
	size_t flen, dlen;
	int seen_eacces = 0;

	if (!file || !*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);

	path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	flen = strnlen(file, NAME_MAX + 1);
	if (flen > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}

	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen + 1 + flen + 1 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			if (dlen)
				buf[dlen++] = '/';
			memcpy(buf + dlen, file, flen + 1);
			execve(buf, argv, envp);
			switch (errno) {
			case EACCES:
				seen_eacces = 1;
				/* fall through */
			case ENOENT:
			case ENOTDIR:
				break;
			default:
				return -1;
			}
		}
		if (!*end)
			break;
	}
	errno = seen_eacces ? EACCES : ENOENT;
	return -1;
}
