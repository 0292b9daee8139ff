/* cfgetispeed: the input speed, which on Linux is the output speed. */
#include <termios.h>

speed_t cfgetispeed(const struct termios *t)
{
	return cfgetospeed(t);
}
