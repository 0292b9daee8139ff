/* cfsetospeed: sets the speed in c_cflag; EINVAL if speed is not a B* value. */
#include <errno.h>
#include <termios.h>

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
	return 0;
}
