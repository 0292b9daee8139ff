/*
 * lstat: stat() that does not follow a final symbolic link, as
 * newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW) (what glibc does on
 * the architectures without lstat(2); Cairn's kernel implements newfstatat
 * and not lstat).
 */
#include <fcntl.h>
#include <sys/stat.h>

int lstat(const char *restrict path, struct stat *restrict st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}
