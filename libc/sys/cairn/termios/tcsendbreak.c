/* tcsendbreak: sends a break (TCSBRK with 0); duration is ignored, as on Linux. */
#include <sys/ioctl.h>
#include <termios.h>

int tcsendbreak(int fd, int duration)
{
	(void)duration;
	return ioctl(fd, TCSBRK, 0);
}
