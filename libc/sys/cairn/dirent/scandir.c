/*
 * scandir: the entries of directory path that filter accepts (all when
 * filter is NULL), each copied into its own malloc()ed struct dirent, sorted
 * with compar (unsorted when NULL), into a malloc()ed array *list. Returns
 * their count, or -1 with errno set and nothing allocated.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

int scandir(const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent *de, **v = 0, **nv;
	size_t n = 0, cap = 0, len;
	int saved = errno, err;

	if (!d)
		return -1;
	errno = 0;
	while ((de = readdir(d))) {
		if (filter && !filter(de))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv)
				goto out_free;
			v = nv;
		}
		len = offsetof(struct dirent, d_name) + strlen(de->d_name) + 1;
		v[n] = malloc(len < sizeof(*de) ? sizeof(*de) : len);
		if (!v[n])
			goto out_free;
		memcpy(v[n], de, len);
		n++;
	}
	if (errno)
		goto out_free;
	closedir(d);
	if (compar && n > 1)
		qsort(v, n, sizeof(*v), (int (*)(const void *, const void *))compar);
	*list = v;
	errno = saved;
	return (int)n;

out_free:
	err = errno;
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	errno = err;
	return -1;
}
