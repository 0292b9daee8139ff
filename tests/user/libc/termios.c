/*
 * <termios.h>, <sys/ioctl.h>, <poll.h> and <sys/select.h>: the attribute
 * helpers (cfmakeraw, the speed functions) on a struct in memory, the
 * terminal calls on a pipe (ENOTTY), and poll()/select() on a pipe, which
 * the kernel may not have yet (ENOSYS, and only that, is accepted).
 */
#define _GNU_SOURCE
#define AREA "libc-termios"
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <termios.h>
#include <unistd.h>

#include "tap.h"

int main(void)
{
	struct termios t;
	struct winsize ws;
	int p[2], r;

	memset(&t, 0, sizeof(t));
	t.c_iflag = ICRNL | IXON | BRKINT;
	t.c_oflag = OPOST | ONLCR;
	t.c_lflag = ECHO | ICANON | ISIG | IEXTEN;
	t.c_cflag = CS7 | PARENB | CREAD;
	cfmakeraw(&t);
	CHECK(!(t.c_iflag & (ICRNL | IXON | BRKINT)) && !(t.c_oflag & OPOST),
	      "cfmakeraw() turns off input and output processing");
	CHECK(!(t.c_lflag & (ECHO | ICANON | ISIG | IEXTEN)),
	      "cfmakeraw() turns off echo, canonical mode and signals");
	CHECK((t.c_cflag & CSIZE) == CS8 && !(t.c_cflag & PARENB) && (t.c_cflag & CREAD),
	      "cfmakeraw() sets 8-bit characters without parity");
	CHECK(t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0,
	      "cfmakeraw() makes read() return after one byte");
	CHECK(cfsetospeed(&t, B9600) == 0 && cfgetospeed(&t) == B9600, "cfsetospeed(B9600)");
	CHECK(cfsetispeed(&t, B38400) == 0 && cfgetispeed(&t) == B38400, "cfsetispeed(B38400)");
	CHECK(cfsetspeed(&t, B115200) == 0 && cfgetospeed(&t) == B115200 &&
	          cfgetispeed(&t) == B115200,
	      "cfsetspeed(B115200) sets both");
	CHECK((t.c_cflag & CSIZE) == CS8, "setting the speed keeps the other c_cflag bits");
	CHECK(cfsetospeed(&t, 12345) == -1 && errno == EINVAL,
	      "cfsetospeed(12345) fails with EINVAL");
	CHECK(B9600 == 13 && B115200 == 0x1002 && TCSANOW == 0 && TCSAFLUSH == 2 && VMIN == 6 &&
	          TIOCGWINSZ == 0x5413,
	      "speeds, actions and ioctl numbers are Linux's");

	CHECK(pipe(p) == 0, "pipe()");
	CHECK(tcgetattr(p[0], &t) == -1 && errno == ENOTTY,
	      "tcgetattr() on a pipe fails with ENOTTY");
	CHECK(tcsetattr(p[0], TCSANOW, &t) == -1 && errno == ENOTTY,
	      "tcsetattr() on a pipe fails with ENOTTY");
	CHECK(tcsetattr(p[0], 7, &t) == -1 && errno == EINVAL,
	      "tcsetattr() with a bad action: EINVAL");
	CHECK(ioctl(p[0], TIOCGWINSZ, &ws) == -1 && errno == ENOTTY,
	      "ioctl(TIOCGWINSZ) on a pipe fails with ENOTTY");
	CHECK(tcgetpgrp(p[0]) == -1 && errno == ENOTTY, "tcgetpgrp() on a pipe fails with ENOTTY");
	CHECK(tcgetattr(99, &t) == -1 && errno == EBADF,
	      "tcgetattr() on a closed fd fails with EBADF");

	struct pollfd pfd[2] = {{.fd = p[0], .events = POLLIN}, {.fd = p[1], .events = POLLOUT}};
	r = poll(pfd, 2, 0);
	CHECK((r == 1 && !(pfd[0].revents & POLLIN) && (pfd[1].revents & POLLOUT)) ||
	          (r == -1 && errno == ENOSYS),
	      "poll(): an empty pipe is writable, not readable (or ENOSYS) (%d)", r);
	if (write(p[1], "x", 1) != 1)
		return 1;
	r = poll(pfd, 1, 1000);
	CHECK((r == 1 && (pfd[0].revents & POLLIN)) || (r == -1 && errno == ENOSYS),
	      "poll(): a pipe with data is readable (or ENOSYS)");
	fd_set rd;
	struct timeval tv = {0, 0};
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	r = select(p[0] + 1, &rd, NULL, NULL, &tv);
	CHECK((r == 1 && FD_ISSET(p[0], &rd)) || (r == -1 && errno == ENOSYS),
	      "select(): the pipe is readable (or ENOSYS)");
	CHECK(FD_SETSIZE == 1024 && sizeof(fd_set) == 128,
	      "fd_set holds 1024 descriptors, as Linux's");
	return tap_done();
}
