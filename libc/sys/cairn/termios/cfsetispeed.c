/* cfsetispeed: sets the speed (Linux has one for both directions); 0 keeps it. */
#include <termios.h>

int cfsetispeed(struct termios *t, speed_t speed)
{
	return speed ? cfsetospeed(t, speed) : 0;
}
