/*
 * grantpt: the slave of master fd is already the opener's, mode 0620, as
 * devpts makes it, so there is nothing to change; only fd is checked to be
 * a master (EINVAL otherwise, EBADF for a closed fd).
 */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>

int grantpt(int fd)
{
	unsigned int n;

	if (ioctl(fd, TIOCGPTN, &n) < 0) {
		if (errno != EBADF)
			errno = EINVAL;
		return -1;
	}
	return 0;
}
