/* posix_openpt: opens a new pseudo-terminal master (/dev/ptmx); EINVAL for flags beyond O_RDWR, O_NOCTTY and O_CLOEXEC. */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

int posix_openpt(int flags)
{
	if (flags & ~(O_ACCMODE | O_NOCTTY | O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	return open("/dev/ptmx", flags);
}
