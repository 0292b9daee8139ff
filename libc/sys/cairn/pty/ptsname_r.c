/*
 * ptsname_r: the slave's path of master fd ("/dev/pts/N") into buf. 0, or
 * an error number (also in errno): ENOTTY when fd is not a master, ERANGE
 * when buf is too small, EINVAL for a null buf.
 */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>

int ptsname_r(int fd, char *buf, size_t size)
{
	unsigned int n;

	if (!buf) {
		errno = EINVAL;
		return EINVAL;
	}
	if (ioctl(fd, TIOCGPTN, &n) < 0) {
		if (errno != EBADF)
			errno = ENOTTY;
		return errno;
	}
	if ((size_t)snprintf(buf, size, "/dev/pts/%u", n) >= size) {
		errno = ERANGE;
		return ERANGE;
	}
	return 0;
}
