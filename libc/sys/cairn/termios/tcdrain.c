/* tcdrain: waits until the terminal's output is sent (TCSBRK with 1). */
#include <sys/ioctl.h>
#include <termios.h>

int tcdrain(int fd)
{
	return ioctl(fd, TCSBRK, 1);
}
