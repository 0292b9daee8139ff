/*
 * ttyname_r: the path of the terminal open as fd, read back from the
 * /proc/self/fd/N link when the kernel has one; otherwise the /dev entry
 * whose device and inode match fd's. Returns 0, ENOTTY when fd is not a
 * terminal, ERANGE when the path and its NUL do not fit in size bytes, or
 * the error that stopped the search.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_out(char *buf, size_t size, const char *path)
{
	size_t n = strlen(path);

	if (n + 1 > size)
		return ERANGE;
	memcpy(buf, path, n + 1);
	return 0;
}

int ttyname_r(int fd, char *buf, size_t size)
{
	char proc[32], path[512];
	struct stat st, dst;
	struct dirent *de;
	ssize_t n;
	DIR *d;
	int saved = errno, r = ENOTTY;

	if (!isatty(fd)) {
		r = errno == EBADF ? EBADF : ENOTTY;
		errno = saved;
		return r;
	}
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = readlink(proc, path, sizeof(path) - 1);
	if (n > 0 && path[0] == '/') {
		path[n] = 0;
		if (stat(path, &dst) == 0 && fstat(fd, &st) == 0 && st.st_rdev == dst.st_rdev) {
			errno = saved;
			return copy_out(buf, size, path);
		}
	}
	if (fstat(fd, &st) < 0) {
		r = errno;
		errno = saved;
		return r;
	}
	d = opendir("/dev");
	if (!d) {
		errno = saved;
		return ENOTTY;
	}
	while ((de = readdir(d))) {
		snprintf(path, sizeof(path), "/dev/%s", de->d_name);
		if (stat(path, &dst) == 0 && S_ISCHR(dst.st_mode) && dst.st_rdev == st.st_rdev) {
			r = copy_out(buf, size, path);
			break;
		}
	}
	closedir(d);
	errno = saved;
	return r;
}
