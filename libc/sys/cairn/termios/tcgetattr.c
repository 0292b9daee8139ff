/* tcgetattr: the attributes of the terminal open as fd (TCGETS). */
#include <sys/ioctl.h>
#include <termios.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}
