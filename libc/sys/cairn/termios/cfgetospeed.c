/* cfgetospeed: the output speed, a B* value (the CBAUD bits of c_cflag). */
#include <termios.h>

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}
