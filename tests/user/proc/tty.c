/*
 * The console terminal's line discipline, driven by the host harness
 * (tests/boot/user.py), which types at each "tty: type ..." prompt: a line
 * arrives whole at the newline, erase edits it, VEOF at the start of a line
 * reads as end of file, raw mode (no ICANON, no ECHO) delivers bytes as they
 * come, and TCGETS/TIOCGWINSZ answer.
 */
#include "rt.h"

static long read_line(char *buf, size_t size)
{
	long n = sys_read(0, buf, size - 1);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

int main(void)
{
	t_set_prog("tty");
	struct termios t, saved;
	T_OK(syscall3(SYS_ioctl, 0, TCGETS, (long)&t) == 0 && (t.c_lflag & ICANON) &&
		     (t.c_lflag & ECHO),
	     "TCGETS: the console starts canonical with echo");
	saved = t;
	struct winsize ws;
	T_OK(syscall3(SYS_ioctl, 0, TIOCGWINSZ, (long)&ws) == 0 && ws.ws_row == 24 &&
		     ws.ws_col == 80,
	     "TIOCGWINSZ: 80x24");
	T_OK(syscall3(SYS_ioctl, 0, 0x5480, 0) == -ENOTTY, "an unknown ioctl is ENOTTY");

	char buf[128];
	tprintf("tty: type a line\n");
	long n = read_line(buf, sizeof(buf));
	T_OK(n == 12 && !strcmp(buf, "hello cairn\n"), "a canonical read returns the line (%ld: %s)",
	     n, buf);
	tprintf("tty: type with erase\n");
	n = read_line(buf, sizeof(buf));
	T_OK(n == 4 && !strcmp(buf, "abc\n"), "erase removes a character (%ld: %s)", n, buf);
	tprintf("tty: type eof\n");
	n = read_line(buf, sizeof(buf));
	T_OK(n == 0, "VEOF at the start of a line reads as end of file (%ld)", n);

	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	T_OK(syscall3(SYS_ioctl, 0, TCSETS, (long)&t) == 0, "TCSETS to raw mode");
	tprintf("tty: type raw\n");
	size_t got = 0;
	while (got < 3) {
		n = sys_read(0, buf + got, 3 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = 0;
	T_OK(got == 3 && !strcmp(buf, "x\x7fy"), "raw mode delivers bytes unedited (%zu)", got);
	T_OK(syscall3(SYS_ioctl, 0, TCSETS, (long)&saved) == 0, "TCSETS back to canonical mode");
	return t_done();
}
