/*
 * <pty.h>, <stdlib.h>'s pseudo-terminal functions and login_tty (through forkpty):
 * posix_openpt, grantpt, unlockpt, ptsname(_r), openpty with a window size
 * and forkpty, whose child runs in its own session on the slave. POSIX
 * plus the glibc/BSD extensions, so it also builds and passes against
 * glibc (tests/toolchain/libc_posix.sh).
 */
#define _GNU_SOURCE
#define AREA "libc-pty"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tap.h"

/* Reads what fd has within ms milliseconds into buf (NUL-terminated); returns the length. */
static size_t read_for(int fd, char *buf, size_t size, int ms)
{
	size_t got = 0;
	for (int waited = 0; got < size - 1 && waited < ms; waited += 20) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, 20) <= 0)
			continue;
		ssize_t r = read(fd, buf + got, size - 1 - got);
		if (r <= 0)
			break;
		got += (size_t)r;
		waited = 0;
	}
	buf[got] = 0;
	return got;
}

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0, "posix_openpt opens a master");
	CHECK(grantpt(m) == 0, "grantpt");
	CHECK(unlockpt(m) == 0, "unlockpt");
	char *name = ptsname(m);
	CHECK(name && !strncmp(name, "/dev/pts/", 9), "ptsname gives /dev/pts/N (%s)",
	      name ? name : "NULL");
	char buf[256];
	CHECK(ptsname_r(m, buf, sizeof(buf)) == 0 && name && !strcmp(buf, name),
	      "ptsname_r gives the same path");
	CHECK(ptsname_r(m, buf, 5) == ERANGE, "ptsname_r into a short buffer: ERANGE");
	int fds[2];
	pipe(fds);
	CHECK(grantpt(fds[0]) == -1 && errno == EINVAL, "grantpt on a pipe: EINVAL");
	CHECK(ptsname(fds[0]) == NULL, "ptsname on a pipe: NULL");
	close(fds[0]);
	close(fds[1]);

	int s = name ? open(name, O_RDWR | O_NOCTTY) : -1;
	CHECK(s >= 0, "the slave opens");
	CHECK(isatty(s) && isatty(m), "both ends are terminals");
	write(m, "hi\n", 3);
	ssize_t r = read(s, buf, sizeof(buf));
	CHECK(r == 3 && !memcmp(buf, "hi\n", 3), "a line written to the master is read from the slave");
	read_for(m, buf, sizeof(buf), 200);
	CHECK(!strcmp(buf, "hi\r\n"), "the master reads the echo with ONLCR");
	struct termios t;
	tcgetattr(s, &t);
	cfmakeraw(&t);
	CHECK(tcsetattr(s, TCSANOW, &t) == 0, "tcsetattr raw on the slave");
	write(s, "a\nb", 3);
	read_for(m, buf, sizeof(buf), 200);
	CHECK(!strcmp(buf, "a\nb"), "raw mode: the slave's NL reaches the master unchanged");
	close(s);
	close(m);

	struct winsize ws = {.ws_row = 30, .ws_col = 90};
	char path[64];
	int ms, ss;
	CHECK(openpty(&ms, &ss, path, NULL, &ws) == 0, "openpty");
	struct winsize got = {0};
	ioctl(ss, TIOCGWINSZ, &got);
	CHECK(got.ws_row == 30 && got.ws_col == 90, "openpty sets the window size (%dx%d)",
	      got.ws_row, got.ws_col);
	CHECK(!strcmp(path, ptsname(ms)), "openpty names the slave (%s)", path);
	close(ss);
	close(ms);

	int fm;
	pid_t pid = forkpty(&fm, NULL, NULL, NULL);
	if (pid == 0) {
		printf("child: tty %d leader %d fg %d\n", isatty(0), getsid(0) == getpid(),
		       tcgetpgrp(0) == getpid());
		fflush(stdout);
		_exit(0);
	}
	CHECK(pid > 0, "forkpty forks");
	read_for(fm, buf, sizeof(buf), 3000);
	CHECK(strstr(buf, "child: tty 1 leader 1 fg 1\r\n") != NULL,
	      "the child leads a session on the slave, its controlling terminal");
	int status = -1;
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child exits 0");
	close(fm);
	return tap_done();
}
