/*
 * getentropy: fills `len` (at most 256) bytes with random data from
 * getrandom(2), or fails with EIO (too long: EIO as in OpenBSD and glibc).
 * newlib's arc4random() seeds itself with it.
 */
#include <errno.h>
#include <sys/random.h>
#include <unistd.h>

int getentropy(void *buf, size_t len)
{
	unsigned char *p = buf;
	ssize_t n;

	if (len > 256) {
		errno = EIO;
		return -1;
	}
	while (len) {
		n = getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
