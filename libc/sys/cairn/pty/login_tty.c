/*
 * login_tty: prepares a child for a terminal: a new session (setsid), fd as
 * its controlling terminal (TIOCSCTTY) and as stdin, stdout and stderr; fd
 * itself is closed. 0, or -1 with errno.
 */
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

int login_tty(int fd)
{
	setsid();
	if (ioctl(fd, TIOCSCTTY, 0) < 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (dup2(fd, i) < 0)
			return -1;
	if (fd > 2)
		close(fd);
	return 0;
}
