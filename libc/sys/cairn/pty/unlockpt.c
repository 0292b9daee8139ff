/* unlockpt: lets the slave of master fd be opened (TIOCSPTLCK 0). */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <stdlib.h>
#include <sys/ioctl.h>

int unlockpt(int fd)
{
	int unlock = 0;

	return ioctl(fd, TIOCSPTLCK, &unlock);
}
