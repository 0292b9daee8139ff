/* cfsetspeed: sets the input and output speed. */
#include <termios.h>

int cfsetspeed(struct termios *t, speed_t speed)
{
	return cfsetospeed(t, speed);
}
