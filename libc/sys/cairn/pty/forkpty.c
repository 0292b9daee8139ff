/*
 * forkpty: openpty, then fork: the child runs in a new session with the
 * slave as its controlling terminal and standard streams (login_tty) and
 * gets 0; the parent gets the child's pid and the master in *amaster.
 * -1 with errno when the pair or the fork fails.
 */
#include <pty.h>
#include <unistd.h>

pid_t forkpty(int *amaster, char *name, const struct termios *termp, const struct winsize *winp)
{
	int master, slave;

	if (openpty(&master, &slave, name, termp, winp) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(master);
		close(slave);
		return -1;
	}
	if (pid == 0) {
		close(master);
		if (login_tty(slave) < 0)
			_exit(1);
		return 0;
	}
	close(slave);
	*amaster = master;
	return pid;
}
