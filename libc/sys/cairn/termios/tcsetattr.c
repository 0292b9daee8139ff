/*
 * tcsetattr: sets the terminal's attributes now (TCSANOW), after the output
 * drains (TCSADRAIN) or after it drains with pending input discarded
 * (TCSAFLUSH); EINVAL for another when.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>

int tcsetattr(int fd, int when, const struct termios *t)
{
	static const unsigned long req[] = {TCSETS, TCSETSW, TCSETSF};

	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, req[when], t);
}
