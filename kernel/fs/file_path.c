/*
 * The path an open file was opened by, for /proc/PID/fd/N and
 * /proc/PID/exe. Cairn has no dentries, so a file cannot find its own name:
 * open records it (vfs_absolute_path), made absolute and cleaned of "." and
 * ".." lexically. It is what the name was at open time; a later rename or
 * unlink does not change it.
 */
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <uapi/limits.h>

/* Removes "." and empty components and applies ".." lexically, in place; path starts with '/'. */
static void clean_path(char *path)
{
	char *out = path; /* path[0..out) is the cleaned prefix, without a trailing '/' */
	const char *in = path;
	while (*in) {
		while (*in == '/')
			in++;
		const char *end = in;
		while (*end && *end != '/')
			end++;
		size_t n = (size_t)(end - in);
		if (n == 0 || (n == 1 && in[0] == '.')) {
			/* nothing */
		} else if (n == 2 && in[0] == '.' && in[1] == '.') {
			while (out > path && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, in, n);
			out += n;
		}
		in = end;
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

char *vfs_absolute_path(struct inode *base, const char *path)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return NULL;
	size_t len = strlen(path);
	if (path[0] == '/') {
		if (len >= PATH_MAX)
			goto out_free;
		memcpy(buf, path, len + 1);
	} else {
		struct inode *dir = base ? inode_get(base) : vfs_current_cwd();
		if (!dir)
			goto out_free;
		int n = vfs_path_of(dir, buf, PATH_MAX);
		inode_put(dir);
		if (n < 0 || (size_t)n + 1 + len >= PATH_MAX)
			goto out_free;
		size_t at = strlen(buf);
		buf[at] = '/';
		memcpy(buf + at + 1, path, len + 1);
	}
	clean_path(buf);
	char *exact = kmalloc(strlen(buf) + 1);
	if (exact)
		strcpy(exact, buf);
	kfree(buf);
	return exact;

out_free:
	kfree(buf);
	return NULL;
}
