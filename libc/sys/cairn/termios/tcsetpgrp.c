/* tcsetpgrp: makes pgrp the foreground process group of the terminal. */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;

	return ioctl(fd, TIOCSPGRP, &p);
}
