/*
 * The virtual consoles tty1..tty4. Run from the test list it checks what a
 * program can see alone: the device nodes, the 80x25 window size, /dev/tty0
 * being the visible console, VT_GETSTATE/VT_ACTIVATE/VT_WAITACTIVE, and
 * the answer to a cursor position query (CSI 6 n) arriving as input.
 *
 * As init (pid 1, booted by tests/boot/vt.py) it is the guest half of a
 * dialogue: it draws a screen on tty2 with escape sequences and makes it
 * visible, then reports over the serial console what tty2 and tty1 receive
 * from keys the harness sends with QEMU's sendkey, while the harness reads
 * the VGA text memory. Each step prints a "vt: ..." line the harness waits
 * for.
 */
#include "rt.h"
#include <uapi/vt.h>

static int open_tty(const char *path)
{
	return (int)sys_open(path, O_RDWR | O_NOCTTY, 0);
}

static void put(int fd, const char *s)
{
	sys_write(fd, s, strlen(s));
}

static int set_raw(int fd, bool raw, struct termios *saved)
{
	struct termios t;
	if (syscall3(SYS_ioctl, fd, TCGETS, (long)&t))
		return -1;
	if (saved)
		*saved = t;
	if (raw) {
		t.c_lflag &= ~(ICANON | ECHO | ISIG);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
	} else {
		t.c_lflag |= ICANON | ECHO | ISIG;
	}
	return (int)syscall3(SYS_ioctl, fd, TCSETS, (long)&t);
}

static int active(int fd)
{
	struct vt_stat st;
	if (syscall3(SYS_ioctl, fd, VT_GETSTATE, (long)&st))
		return -1;
	return st.v_active;
}

/* Reads bytes until stop arrives; returns how many came before it. */
static size_t read_until(int fd, char stop, char *buf, size_t size)
{
	size_t got = 0;
	char c;
	while (sys_read(fd, &c, 1) == 1 && c != stop)
		if (got < size)
			buf[got++] = c;
	return got;
}

static void print_hex(const char *what, const char *buf, size_t n)
{
	char line[512];
	size_t len = (size_t)tsnprintf(line, sizeof(line), "vt: %s", what);
	for (size_t i = 0; i < n && len + 4 < sizeof(line); i++)
		len += (size_t)tsnprintf(line + len, sizeof(line) - len, " %02x",
		                         (unsigned char)buf[i]);
	line[len++] = '\n';
	sys_write(1, line, len);
}

static int standalone(void)
{
	static const char *const nodes[] = {"/dev/tty0", "/dev/tty1", "/dev/tty2", "/dev/tty3",
	                                    "/dev/tty4"};
	for (size_t i = 0; i < ARRAY_SIZE(nodes); i++) {
		int fd = open_tty(nodes[i]);
		T_OK(fd >= 0, "%s opens (%d)", nodes[i], fd);
		if (fd >= 0)
			sys_close(fd);
	}
	int fd = open_tty("/dev/tty2");
	if (!T_OK(fd >= 0, "open /dev/tty2"))
		return t_done();
	struct winsize ws = { 0 };
	long err = syscall3(SYS_ioctl, fd, TIOCGWINSZ, (long)&ws);
	T_OK(err == 0 && ws.ws_row == 25 && ws.ws_col == 80,
	     "TIOCGWINSZ: 80x25 (%d x %d)", ws.ws_col, ws.ws_row);
	struct vt_stat st = { 0 };
	err = syscall3(SYS_ioctl, fd, VT_GETSTATE, (long)&st);
	T_OK(err == 0 && st.v_active == 1 && st.v_state == 0x1e,
	     "VT_GETSTATE: tty1 visible, consoles 1-4 exist (%d, %#x)", st.v_active, st.v_state);
	T_OK(syscall3(SYS_ioctl, fd, VT_ACTIVATE, 2) == 0 && active(fd) == 2,
	     "VT_ACTIVATE 2 makes tty2 visible");
	T_OK(syscall3(SYS_ioctl, fd, VT_WAITACTIVE, 2) == 0,
	     "VT_WAITACTIVE on the visible console returns");
	T_OK(syscall3(SYS_ioctl, fd, VT_ACTIVATE, 5) == -ENXIO &&
	         syscall3(SYS_ioctl, fd, VT_ACTIVATE, 0) == -ENXIO,
	     "VT_ACTIVATE 0 or 5 is ENXIO");
	T_OK(syscall3(SYS_ioctl, fd, 0x5480, 0) == -ENOTTY, "an unknown ioctl is still ENOTTY");

	/* /dev/tty0 is the visible console: a termios change through it shows on tty2. */
	struct termios saved, t;
	int fd0 = open_tty("/dev/tty0");
	T_OK(fd0 >= 0 && set_raw(fd0, true, &saved) == 0 &&
	         syscall3(SYS_ioctl, fd, TCGETS, (long)&t) == 0 && !(t.c_lflag & ICANON),
	     "/dev/tty0 opens the visible console (tty2)");
	sys_close(fd0);

	/* The cursor position report arrives as input on the same console. */
	put(fd, "\033[2J\033[3;7H\033[6n");
	char buf[32];
	long n = sys_read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	T_OK(n == 6 && !strcmp(buf, "\033[3;7R"), "CSI 6 n answers ESC [ 3 ; 7 R (%ld)", n);
	put(fd, "\033[5n");
	n = sys_read(fd, buf, sizeof(buf) - 1);
	T_OK(n == 4 && !memcmp(buf, "\033[0n", 4), "CSI 5 n answers ESC [ 0 n (%ld)", n);
	int cnt = -1;
	T_OK(syscall3(SYS_ioctl, fd, FIONREAD, (long)&cnt) == 0 && cnt == 0,
	     "nothing else is queued");
	T_OK(syscall3(SYS_ioctl, fd, TCSETS, (long)&saved) == 0, "tty2 back to canonical mode");
	put(fd, "\033c");
	T_OK(syscall3(SYS_ioctl, fd, VT_ACTIVATE, 1) == 0 && active(fd) == 1, "VT_ACTIVATE 1 back");
	sys_close(fd);
	return t_done();
}

/* The screen tests/boot/vt.py expects on tty2. */
static const char screen[] = "\033[2J\033[H"
                             "VT2 TEST LINE 1\r\n"
                             "\033[5;10Hat-5-10\033[31mred\033[0m\033[1;32mbold\033[0m"
                             "\033[10;1Habcdef\033[10;3H\033[2P"
                             "\033[12;1Hkeepgone\033[12;5H\033[K"
                             "\033[14;1Hline-a\r\nline-b\033[14;1H\033[L"
                             "\033[20;1H\033[7mreverse\033[m"
                             "\033[21;23r\033[21;1Hs1\r\ns2\r\ns3\r\ns4\033[r"
                             "\033[25;1H";

static int dialogue(void)
{
	int tty2 = open_tty("/dev/tty2");
	int tty1 = open_tty("/dev/tty1");
	if (tty1 < 0 || tty2 < 0) {
		tprintf("vt: cannot open the consoles (%d, %d)\n", tty1, tty2);
		return 1;
	}
	put(tty2, screen);
	long err = syscall3(SYS_ioctl, tty2, VT_ACTIVATE, 2);
	tprintf("vt: screen ready %ld %d\n", err, active(tty2));

	/* Keys in raw mode: read until 'z'. */
	set_raw(tty2, true, NULL);
	tprintf("vt: keys ready\n");
	char buf[128];
	size_t n = read_until(tty2, 'z', buf, sizeof(buf));
	print_hex("keys", buf, n);

	/* A canonical line with echo on the screen. */
	set_raw(tty2, false, NULL);
	put(tty2, "\033[24;1Hprompt> ");
	tprintf("vt: line ready\n");
	long got = sys_read(tty2, buf, sizeof(buf) - 1);
	buf[got > 0 ? got : 0] = 0;
	if (got > 0 && buf[got - 1] == '\n')
		buf[got - 1] = 0;
	tprintf("vt: line [%s]\n", buf);

	/*
	 * Ctrl-C with ISIG: a child in a new session makes tty2 its controlling
	 * terminal (open without O_NOCTTY) and waits in read; it is the
	 * foreground group, so the key's SIGINT ends it.
	 */
	put(tty2, "\033[17;1H"); /* where the echo of ^C goes: a blank row */
	long pid = sys_fork();
	if (pid == 0) {
		syscall0(SYS_setsid);
		int fd = (int)sys_open("/dev/tty2", O_RDWR, 0);
		tprintf("vt: sigint ready %d\n", fd);
		sys_read(fd, buf, sizeof(buf));
		sys_exit(0);
	}
	int status = -1;
	sys_wait4((int)pid, &status, 0, NULL);
	tprintf("vt: child status %#x\n", status);

	/* Alt+F1 from the keyboard; then a key reaches tty1. */
	tprintf("vt: switch ready\n");
	err = syscall3(SYS_ioctl, tty2, VT_WAITACTIVE, 1);
	tprintf("vt: active %d (%ld)\n", active(tty2), err);
	set_raw(tty1, true, NULL);
	tprintf("vt: tty1 ready\n");
	n = read_until(tty1, 'z', buf, sizeof(buf));
	print_hex("tty1 keys", buf, n);
	set_raw(tty1, false, NULL);
	tprintf("vt: switch back ready\n");
	err = syscall3(SYS_ioctl, tty2, VT_WAITACTIVE, 2);
	tprintf("vt: back %d (%ld)\n", active(tty2), err);
	/* The harness reads the screen, then Enter lets init exit (and power off). */
	tprintf("vt: end ready\n");
	sys_read(tty2, buf, sizeof(buf));
	tprintf("vt: done\n");
	return 0;
}

int main(void)
{
	t_set_prog("vt");
	if (sys_getpid() == 1)
		return dialogue();
	return standalone();
}
