/*
 * openpty: a new pseudo-terminal pair: *amaster and *aslave (both opened
 * with O_NOCTTY), the slave's path into name when not NULL (it must hold
 * 32 bytes, as on the BSDs), the slave's termios and window size from
 * termp and winp when not NULL. 0, or -1 with errno (nothing left open).
 */
#define _GNU_SOURCE /* newlib declares the XSI functions under _XOPEN_SOURCE or _GNU_SOURCE */
#include <fcntl.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int openpty(int *amaster, int *aslave, char *name, const struct termios *termp,
	    const struct winsize *winp)
{
	char path[32];
	int master, slave;

	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0)
		return -1;
	if (grantpt(master) < 0 || unlockpt(master) < 0 ||
	    ptsname_r(master, path, sizeof(path)) != 0)
		goto out_close_master;
	slave = open(path, O_RDWR | O_NOCTTY);
	if (slave < 0)
		goto out_close_master;
	if ((termp && tcsetattr(slave, TCSANOW, termp) < 0) ||
	    (winp && ioctl(slave, TIOCSWINSZ, winp) < 0)) {
		close(slave);
		goto out_close_master;
	}
	if (name)
		strcpy(name, path);
	*amaster = master;
	*aslave = slave;
	return 0;

out_close_master:
	close(master);
	return -1;
}
