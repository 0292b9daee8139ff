/*
 * Pseudo-terminals: /dev/ptmx and /dev/pts/N (TIOCGPTN, TIOCSPTLCK), the
 * slave's line discipline driven from the master (canonical editing, echo),
 * output processing (OPOST, ONLCR, OCRNL, ONOCR, ONLRET), poll on both ends,
 * /dev/tty as the controlling terminal, and a shell on the slave
 * (test-jobsh on /dev/pts/N): a command's output, Ctrl-C to the foreground
 * job, TIOCSWINSZ and SIGWINCH, and the hangup when the master closes.
 */
#include "rt.h"

#include <uapi/poll.h>

#define ioctl(fd, c, a) syscall3(SYS_ioctl, (fd), (c), (long)(a))

static char slave_path[32];

/* Everything read from the shell's master, and how far expect() has matched. */
static char transcript[8192];
static size_t tlen, tmark;

static const char *find(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(hay + i, needle, n))
			return hay + i;
	return NULL;
}

/* Reads what fd has within ms milliseconds into buf; returns the length. */
static long read_for(int fd, char *buf, size_t size, long ms)
{
	size_t got = 0;
	int64_t end = rt_now_ns() + ms * 1000000;
	while (got < size && rt_now_ns() < end) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (syscall3(SYS_poll, (long)&p, 1, 20) <= 0)
			continue;
		long r = sys_read(fd, buf + got, size - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return (long)got;
}

/* Reads the master until needle turns up after the last match (10 s at most). */
static bool expect(int m, const char *needle)
{
	int64_t end = rt_now_ns() + 10000000000LL;
	for (;;) {
		const char *at = find(transcript + tmark, tlen - tmark, needle);
		if (at) {
			tmark = (size_t)(at - transcript) + strlen(needle);
			return true;
		}
		if (rt_now_ns() > end || tlen == sizeof(transcript))
			break;
		struct pollfd p = {.fd = m, .events = POLLIN};
		if (syscall3(SYS_poll, (long)&p, 1, 50) <= 0)
			continue;
		long r = sys_read(m, transcript + tlen, sizeof(transcript) - tlen);
		if (r <= 0)
			break;
		tlen += (size_t)r;
	}
	t_diag("no \"%s\" in what the shell wrote:", needle);
	tdprintf(1, "# %.*s\n", (int)(tlen - tmark), transcript + tmark);
	return false;
}

static int open_master(void)
{
	return (int)sys_open("/dev/ptmx", O_RDWR | O_NOCTTY, 0);
}

static void set_oflag(int s, unsigned oflag)
{
	struct termios t;
	ioctl(s, TCGETS, &t);
	t.c_oflag = oflag;
	ioctl(s, TCSETS, &t);
}

/* What the master reads when the slave writes in with output flags oflag. */
static bool output_is(int m, int s, unsigned oflag, const char *in, const char *want)
{
	char buf[64];
	set_oflag(s, oflag);
	sys_write(s, in, strlen(in));
	long n = read_for(m, buf, sizeof(buf) - 1, 200);
	buf[n < 0 ? 0 : n] = 0;
	return n == (long)strlen(want) && !memcmp(buf, want, (size_t)n);
}

static void test_pair(void)
{
	int m = open_master();
	T_OK(m >= 0, "/dev/ptmx opens (%d)", m);
	unsigned int n = 999;
	T_OK(ioctl(m, TIOCGPTN, &n) == 0 && n < 64, "TIOCGPTN gives the pty number (%u)", n);
	tsnprintf(slave_path, sizeof(slave_path), "/dev/pts/%u", n);
	struct stat st;
	long r = syscall2(SYS_stat, (long)slave_path, (long)&st);
	T_OK(r == 0 && (st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == ((136 << 8) | n),
	     "%s is char 136,%u (%ld)", slave_path, n, r);
	T_OK(sys_open(slave_path, O_RDWR | O_NOCTTY, 0) == -EIO, "the slave is locked at first");
	int unlock = 0;
	T_OK(ioctl(m, TIOCSPTLCK, &unlock) == 0, "TIOCSPTLCK 0 unlocks it");
	int s = (int)sys_open(slave_path, O_RDWR | O_NOCTTY, 0);
	T_OK(s >= 0, "the unlocked slave opens (%d)", s);

	/* The master's writes are the slave's input, edited and echoed. */
	struct pollfd p = {.fd = s, .events = POLLIN};
	T_OK(syscall3(SYS_poll, (long)&p, 1, 0) == 0, "poll: the slave has no line yet");
	const char *typed = "hexx\x7f\x7fllo wrld\x17world\njunk\x15ok\n";
	sys_write(m, typed, strlen(typed));
	T_OK(syscall3(SYS_poll, (long)&p, 1, 1000) == 1 && (p.revents & POLLIN),
	     "poll: the slave is readable after a line from the master");
	char buf[128];
	r = sys_read(s, buf, sizeof(buf));
	T_OK(r == 12 && !memcmp(buf, "hello world\n", 12),
	     "ICANON: erase and word erase edit the line (%ld)", r);
	r = sys_read(s, buf, sizeof(buf));
	T_OK(r == 3 && !memcmp(buf, "ok\n", 3), "ICANON: kill drops the line (%ld)", r);
	r = read_for(m, buf, sizeof(buf) - 1, 300);
	buf[r < 0 ? 0 : r] = 0;
	T_OK(r > 0 && find(buf, (size_t)r, "\b \b") && find(buf, (size_t)r, "world\r\n") &&
	         find(buf, (size_t)r, "ok\r\n"),
	     "ECHO/ECHOE: the master reads the echo, NL as CR NL (%ld)", r);

	/* Output processing on the slave's writes. */
	p = (struct pollfd){.fd = m, .events = POLLIN};
	T_OK(syscall3(SYS_poll, (long)&p, 1, 0) == 0, "poll: nothing for the master yet");
	T_OK(output_is(m, s, OPOST | ONLCR, "a\nb", "a\r\nb"), "ONLCR: NL goes out as CR NL");
	T_OK(output_is(m, s, 0, "a\nb\r", "a\nb\r"), "without OPOST bytes go out unchanged");
	T_OK(output_is(m, s, OPOST, "a\nb", "a\nb"), "OPOST without ONLCR keeps NL");
	T_OK(output_is(m, s, OPOST | OCRNL, "a\rb", "a\nb"), "OCRNL: CR goes out as NL");
	T_OK(output_is(m, s, OPOST | ONOCR, "x\r\rab", "x\rab"), "ONOCR: no CR at column 0");
	T_OK(output_is(m, s, OPOST | ONOCR | ONLRET, "ab\n\rc", "ab\nc"),
	     "ONLRET: NL returns to column 0 (ONOCR drops the next CR)");
	set_oflag(s, OPOST | ONLCR);

	/* The slave closes: the master reads what is left, then EIO. */
	sys_write(s, "z", 1);
	sys_close(s);
	r = sys_read(m, buf, sizeof(buf));
	T_OK(r == 1 && buf[0] == 'z', "the master reads what the slave wrote before closing");
	r = sys_read(m, buf, sizeof(buf));
	T_OK(r == -EIO, "then EIO: no slave is open (%ld)", r);
	p = (struct pollfd){.fd = m, .events = POLLIN};
	r = syscall3(SYS_poll, (long)&p, 1, 0);
	T_OK(r == 1 && (p.revents & POLLHUP),
	     "poll: the master sees POLLHUP (%#x)", p.revents);
	sys_close(m);
	T_OK(sys_open(slave_path, O_RDWR | O_NOCTTY, 0) == -ENOENT,
	     "%s goes when its master closes", slave_path);
}

/* /dev/tty is the caller's controlling terminal, ENXIO without one. */
static int ctty_child(void *arg)
{
	int m = *(int *)arg;
	syscall0(SYS_setsid);
	if (sys_open("/dev/tty", O_RDWR, 0) != -ENXIO)
		return 1;
	int s = (int)sys_open(slave_path, O_RDWR, 0); /* a leader's open: the ctty */
	int t = (int)sys_open("/dev/tty", O_RDWR, 0);
	if (s < 0 || t < 0)
		return 2;
	sys_write(t, "via-tty", 7);
	(void)m;
	return 0;
}

static void test_dev_tty(void)
{
	T_OK(sys_open("/dev/tty", O_RDWR, 0) == -ENXIO, "/dev/tty: ENXIO without a controlling terminal");
	int m = open_master();
	unsigned int n = 0;
	int unlock = 0;
	ioctl(m, TIOCGPTN, &n);
	ioctl(m, TIOCSPTLCK, &unlock);
	tsnprintf(slave_path, sizeof(slave_path), "/dev/pts/%u", n);
	int st = rt_run_child(ctty_child, &m);
	char buf[32];
	long r = read_for(m, buf, sizeof(buf), 300);
	T_OK(st == 0 && r == 7 && !memcmp(buf, "via-tty", 7),
	     "/dev/tty opens the session's pty slave (status %#x, %ld)", st, r);
	sys_close(m);
}

static void test_shell(void)
{
	int m = open_master();
	unsigned int n = 0;
	int unlock = 0;
	ioctl(m, TIOCGPTN, &n);
	ioctl(m, TIOCSPTLCK, &unlock);
	tsnprintf(slave_path, sizeof(slave_path), "/dev/pts/%u", n);
	long pid = sys_fork();
	if (pid == 0) {
		sys_close(m);
		int s = (int)sys_open(slave_path, O_RDWR | O_NOCTTY, 0);
		for (int fd = 0; fd < 3; fd++)
			sys_dup2(s, fd);
		if (s > 2)
			sys_close(s);
		char *argv[] = {"/bin/test-jobsh", "on", slave_path, NULL};
		char *env[] = {NULL};
		sys_execve(argv[0], argv, env);
		sys_exit(127);
	}
	long r;
	T_OK(expect(m, "jobsh[1]$ \r\n"), "the shell on %s prompts through the master", slave_path);
	T_OK(find(transcript, tlen, "ok - jobsh: the shell's session") != NULL,
	     "the shell's session has the pty slave as controlling terminal");
	const char *cmd = "/bin/test-jobsh spin pty\n";
	sys_write(m, cmd, strlen(cmd));
	T_OK(expect(m, "/bin/test-jobsh spin pty\r\n"), "the command line is echoed");
	T_OK(expect(m, "jobsh: spin pty running\r\n"),
	     "the command's output comes through the master with ONLCR");
	int pg = 0;
	r = ioctl(m, TIOCGPGRP, &pg);
	T_OK(r == 0 && pg > 0 && pg != pid,
	     "TIOCGPGRP on the master: the job is the slave's foreground group (%d)", pg);
	sys_write(m, "\x03", 1);
	T_OK(expect(m, "^C\r\n"), "Ctrl-C is echoed as ^C");
	T_OK(expect(m, "jobsh: [1] Done (status 0x2)"),
	     "Ctrl-C through the pty kills the foreground job with SIGINT");
	T_OK(expect(m, "jobsh[2]$ "), "the shell survives and prompts again");

	cmd = "/bin/test-jobsh winch\n";
	sys_write(m, cmd, strlen(cmd));
	T_OK(expect(m, "jobsh: winch ready"), "a job waiting for SIGWINCH runs");
	struct winsize ws = {.ws_row = 40, .ws_col = 100};
	T_OK(ioctl(m, TIOCSWINSZ, &ws) == 0, "TIOCSWINSZ on the master");
	T_OK(expect(m, "jobsh: SIGWINCH rows 40 cols 100"),
	     "the foreground job gets SIGWINCH and sees the new size");
	T_OK(expect(m, "jobsh: [1] Done (status 0)"), "the job ends");
	T_OK(expect(m, "jobsh[3]$ "), "the shell prompts again");
	struct winsize got;
	memset(&got, 0, sizeof(got));
	T_OK(ioctl(m, TIOCGWINSZ, &got) == 0 && got.ws_row == 40 && got.ws_col == 100,
	     "TIOCGWINSZ on the master gives the slave's size");

	/* Hangup: the master closes under the idle shell. */
	int s = (int)sys_open(slave_path, O_RDWR | O_NOCTTY, 0);
	sys_close(m);
	int status = 0;
	long w = sys_wait4(pid, &status, 0, NULL);
	T_OK(w == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP,
	     "closing the master sends SIGHUP to the shell's session (%#x)", status);
	char buf[8];
	T_OK(s >= 0 && sys_read(s, buf, sizeof(buf)) == 0, "a hung-up slave reads end of file");
	T_OK(sys_write(s, "x", 1) == -EIO, "a hung-up slave's writes fail with EIO");
	struct pollfd p = {.fd = s, .events = POLLIN};
	T_OK(syscall3(SYS_poll, (long)&p, 1, 0) == 1 && (p.revents & POLLHUP),
	     "poll: the hung-up slave reports POLLHUP");
	sys_close(s);
	T_OK(find(transcript, tlen, "not ok") == NULL, "the shell's own checks passed");
}

int main(void)
{
	test_pair();
	test_dev_tty();
	test_shell();
	return t_done();
}
