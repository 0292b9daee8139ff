/*
 * readdir_r: readdir() that copies the entry into the caller's *entry and
 * points *result at it (NULL at the end). Returns 0 or an error number.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>

int readdir_r(DIR *restrict d, struct dirent *restrict entry, struct dirent **restrict result)
{
	int saved = errno;
	struct dirent *de;
	size_t len;

	errno = 0;
	de = readdir(d);
	if (!de) {
		int err = errno;
		errno = saved;
		*result = 0;
		return err;
	}
	errno = saved;
	len = strnlen(de->d_name, sizeof(entry->d_name) - 1);
	entry->d_ino = de->d_ino;
	entry->d_off = de->d_off;
	entry->d_reclen = de->d_reclen;
	entry->d_type = de->d_type;
	memcpy(entry->d_name, de->d_name, len);
	entry->d_name[len] = 0;
	*result = entry;
	return 0;
}
