/*
 * Controlling terminals: a session leader acquires the console by opening it
 * (not with O_NOCTTY) or with TIOCSCTTY; TIOCGSID/TIOCGPGRP/TIOCSPGRP work on
 * the caller's controlling terminal only; tcsetpgrp needs a group of the
 * session and, from the background, SIGTTOU (EIO in an orphaned group);
 * background reads get SIGTTIN (EIO when ignored), background writes with
 * TOSTOP SIGTTOU; the exit of the session leader or its TIOCNOTTY frees the
 * terminal and hangs up the foreground group.
 *
 * Each check runs in a child that makes its own session, and reports through
 * its exit status: 0, or the number of the failed step.
 */
#include "rt.h"

#define setpgid(p, g) syscall2(SYS_setpgid, (p), (g))
#define setsid() syscall0(SYS_setsid)
#define ioctl(fd, c, a) syscall3(SYS_ioctl, (fd), (c), (long)(a))

static long set_action(int sig, unsigned long handler)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)handler;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static int open_console(int flags)
{
	return (int)sys_open("/dev/console", O_RDWR | flags, 0);
}

/* A child in its own group of the caller's session: runs fn, exits with its result. */
static long spawn_member(int (*fn)(int), int arg)
{
	long pid = sys_fork();
	if (pid == 0) {
		setpgid(0, 0);
		sys_exit(fn(arg));
	}
	setpgid(pid, pid);
	return pid;
}

static int do_read(int fd)
{
	char c;
	long n = sys_read(fd, &c, 1);
	return n == -EIO ? 10 : 11;
}

static int do_read_ignoring(int fd)
{
	set_action(SIGTTIN, SIG_IGN);
	return do_read(fd);
}

static int do_write(int fd)
{
	static const char line[] = "# ctty: a background write\n";
	return sys_write(fd, line, sizeof(line) - 1) == sizeof(line) - 1 ? 20 : 21;
}

static int do_sleep(int fd)
{
	(void)fd;
	for (;;)
		rt_sleep_ms(50);
	return 0;
}

static int acquire(void *arg)
{
	(void)arg;
	long me = setsid();
	int fd = open_console(0), v = 0;
	if (fd < 0)
		return 1;
	if (ioctl(fd, TIOCGSID, &v) != 0 || v != me)
		return 2;
	if (ioctl(fd, TIOCGPGRP, &v) != 0 || v != me)
		return 3;
	v = 999999;
	if (ioctl(fd, TIOCSPGRP, &v) != -EPERM)
		return 4; /* no such group in the session */
	if (ioctl(fd, TIOCSCTTY, 0) != 0)
		return 5; /* already ours: a no-op */

	/* Another session cannot take it (even root without arg 1). */
	long pid = sys_fork();
	if (pid == 0) {
		setsid();
		int fd2 = open_console(0), w;
		if (ioctl(fd2, TIOCGSID, &w) != -ENOTTY)
			sys_exit(1); /* opening a terminal with a session does not acquire it */
		sys_exit(ioctl(fd2, TIOCSCTTY, 0) == -EPERM ? 0 : 2);
	}
	int st;
	sys_wait4(pid, &st, 0, NULL);
	if (st != 0)
		return 6;
	/* A member that is not the leader cannot TIOCSCTTY. */
	pid = sys_fork();
	if (pid == 0)
		sys_exit(ioctl(fd, TIOCSCTTY, 0) == -EPERM ? 0 : 1);
	sys_wait4(pid, &st, 0, NULL);
	if (st != 0)
		return 7;
	return 0;
}

static int no_ctty(void *arg)
{
	(void)arg;
	setsid();
	int fd = open_console(O_NOCTTY), v;
	if (ioctl(fd, TIOCGSID, &v) != -ENOTTY || ioctl(fd, TIOCGPGRP, &v) != -ENOTTY)
		return 1;
	if (ioctl(fd, TIOCSCTTY, 0) != 0 || ioctl(fd, TIOCGSID, &v) != 0 || v != sys_getpid())
		return 2;
	/* The leader's TIOCNOTTY hangs up its foreground group: itself. */
	set_action(SIGHUP, SIG_IGN);
	if (ioctl(fd, TIOCNOTTY, 0) != 0 || ioctl(fd, TIOCGSID, &v) != -ENOTTY)
		return 3;
	return 0;
}

static int foreground(void *arg)
{
	(void)arg;
	long me = setsid();
	int fd = open_console(0), v, st;
	long c = spawn_member(do_sleep, fd);
	v = (int)c;
	if (ioctl(fd, TIOCSPGRP, &v) != 0 || ioctl(fd, TIOCGPGRP, &v) != 0 || v != c)
		return 1;
	/* We are in the background now, and our group is orphaned: EIO. */
	v = (int)me;
	if (ioctl(fd, TIOCSPGRP, &v) != -EIO)
		return 2;
	set_action(SIGTTOU, SIG_IGN);
	if (ioctl(fd, TIOCSPGRP, &v) != 0)
		return 3; /* ignoring SIGTTOU allows it */
	set_action(SIGTTOU, SIG_DFL);
	sys_kill((int)c, SIGKILL);
	sys_wait4(c, &st, 0, NULL);

	/* A background reader stops with SIGTTIN (its group has a parent outside it). */
	c = spawn_member(do_read, fd);
	if (sys_wait4(c, &st, WUNTRACED, NULL) != c || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTIN)
		return 4;
	sys_kill((int)c, SIGKILL);
	sys_wait4(c, &st, 0, NULL);
	c = spawn_member(do_read_ignoring, fd);
	if (sys_wait4(c, &st, 0, NULL) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 10)
		return 5; /* ignoring SIGTTIN: EIO */

	/* Background writes: allowed, unless TOSTOP. */
	c = spawn_member(do_write, fd);
	if (sys_wait4(c, &st, 0, NULL) != c || WEXITSTATUS(st) != 20)
		return 6;
	struct termios t, saved;
	ioctl(fd, TCGETS, &saved);
	t = saved;
	t.c_lflag |= TOSTOP;
	ioctl(fd, TCSETS, &t);
	c = spawn_member(do_write, fd);
	long r = sys_wait4(c, &st, WUNTRACED, NULL);
	ioctl(fd, TCSETS, &saved);
	if (r != c || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTOU)
		return 7;
	sys_kill((int)c, SIGKILL);
	sys_wait4(c, &st, 0, NULL);

	/* Hand the terminal to a sleeper: it gets SIGHUP when we exit. */
	c = spawn_member(do_sleep, fd);
	v = (int)c;
	if (ioctl(fd, TIOCSPGRP, &v) != 0)
		return 8;
	return 0;
}

/* After the leader of the last session exited, a new session acquires the console. */
static int reacquire(void *arg)
{
	(void)arg;
	long me = setsid();
	int fd = open_console(0), v = 0;
	return ioctl(fd, TIOCGSID, &v) == 0 && v == me ? 0 : 1;
}

int main(void)
{
	int st = rt_run_child(acquire, NULL);
	T_OK(st == 0, "a session leader acquires the console by opening it; others cannot take it "
		      "(step %d)", WEXITSTATUS(st));
	st = rt_run_child(no_ctty, NULL);
	T_OK(st == 0, "O_NOCTTY does not acquire; TIOCSCTTY does, TIOCNOTTY gives it up (step %d)",
	     WEXITSTATUS(st));
	/* Every process of the next session holds the pipe's write end. */
	int fds[2];
	sys_pipe2(fds, O_NONBLOCK);
	st = rt_run_child(foreground, NULL);
	sys_close(fds[1]);
	T_OK(st == 0, "tcsetpgrp, SIGTTOU/EIO, SIGTTIN for background reads, TOSTOP (step %d)",
	     WEXITSTATUS(st));
	/* The foreground sleeper got SIGHUP when its leader exited: the pipe reaches EOF. */
	char c;
	long n = -EAGAIN;
	for (int i = 0; i < 300 && n == -EAGAIN; i++) {
		n = sys_read(fds[0], &c, 1);
		if (n == -EAGAIN)
			rt_sleep_ms(10);
	}
	T_OK(n == 0, "the leader's exit hangs up the foreground group (read %ld)", n);
	st = rt_run_child(reacquire, NULL);
	T_OK(st == 0, "the leader's exit frees the console for a new session (%#x)", st);
	return t_done();
}
