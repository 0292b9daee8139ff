/*
 * poll, ppoll, select and pselect6 on pipes, the console, a regular file and
 * a device: readiness (POLLIN, POLLOUT, POLLHUP, POLLERR, POLLNVAL),
 * timeouts, waking on a write from another process, EINTR on a signal even
 * with SA_RESTART, and the temporary signal mask of ppoll and pselect6.
 */
#include <uapi/poll.h>

#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define poll(f, n, t) syscall3(SYS_poll, (long)(f), (n), (t))
#define ppoll(f, n, ts, m) syscall5(SYS_ppoll, (long)(f), (n), (long)(ts), (long)(m), 8)
#define select(n, r, w, e, tv) syscall5(SYS_select, (n), (long)(r), (long)(w), (long)(e), (long)(tv))
#define pselect6(n, r, w, e, ts, sm)                                                       \
	syscall6(SYS_pselect6, (n), (long)(r), (long)(w), (long)(e), (long)(ts), (long)(sm))

static volatile int hits;

static void on_usr1(int sig)
{
	(void)sig;
	hits++;
}

static long set_handler(int sig, void *fn, unsigned long flags)
{
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags | SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	return sys_rt_sigaction(sig, &sa, NULL);
}

static uint64_t blocked_now(void)
{
	uint64_t m = 0;
	syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&m, 8);
	return m;
}

/* Forks a child that sleeps ms, then writes one byte to fd or signals the parent. */
static long later(int ms, int fd, int sig)
{
	long parent = sys_getpid();
	long pid = sys_fork();
	if (pid == 0) {
		rt_sleep_ms(ms);
		if (fd >= 0)
			sys_write(fd, "w", 1);
		else
			sys_kill((int)parent, sig);
		sys_exit(0);
	}
	return pid;
}

static void reap(long pid)
{
	int st;
	sys_wait4((int)pid, &st, 0, NULL);
}

int main(void)
{
	int p[2];
	sys_pipe2(p, 0);
	struct pollfd f[3] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
	T_OK(poll(f, 2, 0) == 1 && f[0].revents == 0 && f[1].revents == POLLOUT,
	     "empty pipe: the write end is writable, the read end not (%#x %#x)", f[0].revents,
	     f[1].revents);
	sys_write(p[1], "ab", 2);
	T_OK(poll(f, 2, 0) == 2 && f[0].revents == POLLIN, "with data the read end is readable");

	int64_t t0 = rt_now_ns();
	char buf[8];
	sys_read(p[0], buf, 2);
	long r = poll(f, 1, 150);
	int64_t ms = (rt_now_ns() - t0) / 1000000;
	T_OK(r == 0 && ms >= 140 && ms < 2000, "poll times out after 150 ms (%ld ms)", (long)ms);

	long pid = later(50, p[1], 0);
	t0 = rt_now_ns();
	r = poll(f, 1, -1);
	ms = (rt_now_ns() - t0) / 1000000;
	T_OK(r == 1 && f[0].revents == POLLIN && ms >= 30,
	     "poll sleeps until another process writes (%ld ms)", (long)ms);
	reap(pid);
	sys_read(p[0], buf, 1);

	f[0] = (struct pollfd){ 999, POLLIN, 0 };
	f[1] = (struct pollfd){ -1, POLLIN, 77 };
	T_OK(poll(f, 2, 0) == 1 && f[0].revents == POLLNVAL && f[1].revents == 0,
	     "a bad fd is POLLNVAL, a negative one is skipped");
	int file = (int)sys_open("/etc/testdata.bin", O_RDONLY, 0);
	int null = (int)sys_open("/dev/null", O_RDWR, 0);
	f[0] = (struct pollfd){ file, POLLIN | POLLOUT, 0 };
	f[1] = (struct pollfd){ null, POLLIN, 0 };
	f[2] = (struct pollfd){ 0, POLLOUT, 0 };
	T_OK(poll(f, 3, 0) == 3 && f[0].revents == (POLLIN | POLLOUT) && f[1].revents == POLLIN &&
		 f[2].revents == POLLOUT,
	     "a regular file and a device are always ready; the console is writable (%#x %#x %#x)",
	     f[0].revents, f[1].revents, f[2].revents);
	f[2].events = POLLIN;
	T_OK(poll(&f[2], 1, 0) == 0, "the console has no input to read");
	T_OK(poll((void *)8, 1, 0) == -EFAULT, "a bad pollfd array is EFAULT");

	/* Hang-up and error. */
	int q[2];
	sys_pipe2(q, 0);
	sys_close(q[1]);
	f[0] = (struct pollfd){ q[0], POLLIN, 0 };
	T_OK(poll(f, 1, 0) == 1 && f[0].revents == POLLHUP, "no writer left: POLLHUP (%#x)",
	     f[0].revents);
	sys_close(q[0]);
	sys_pipe2(q, 0);
	sys_close(q[0]);
	f[0] = (struct pollfd){ q[1], POLLOUT, 0 };
	T_OK(poll(f, 1, 0) == 1 && (f[0].revents & POLLERR), "no reader left: POLLERR (%#x)",
	     f[0].revents);
	sys_close(q[1]);

	/* A signal interrupts poll, even with SA_RESTART. */
	set_handler(SIGUSR1, (void *)on_usr1, SA_RESTART);
	hits = 0;
	f[0] = (struct pollfd){ p[0], POLLIN, 0 };
	pid = later(50, -1, SIGUSR1);
	r = poll(f, 1, 5000);
	T_OK(r == -EINTR && hits == 1, "a handled signal interrupts poll with EINTR (%ld)", r);
	reap(pid);

	/* ppoll: SIGUSR1 blocked outside, let through only while waiting. */
	uint64_t usr1 = 1ULL << (SIGUSR1 - 1), none = 0;
	syscall4(SYS_rt_sigprocmask, SIG_BLOCK, (long)&usr1, 0, 8);
	hits = 0;
	pid = later(50, -1, SIGUSR1);
	struct timespec ts = { 5, 0 };
	r = ppoll(f, 1, &ts, &none);
	T_OK(r == -EINTR && hits == 1 && (blocked_now() & usr1),
	     "ppoll's mask lets SIGUSR1 in; the old mask is back after the handler (%ld)", r);
	reap(pid);
	ts = (struct timespec){ 0, 50000000 };
	r = ppoll(f, 1, &ts, &none);
	T_OK(r == 0 && ts.tv_sec == 0 && ts.tv_nsec == 0 && (blocked_now() & usr1),
	     "ppoll times out, writes back the time left, restores the mask (%ld)", r);
	/* A pending blocked signal is delivered once ppoll unblocks it. */
	sys_kill((int)sys_getpid(), SIGUSR1);
	hits = 0;
	r = ppoll(f, 1, NULL, &none);
	T_OK(r == -EINTR && hits == 1, "ppoll with a pending signal it unblocks: EINTR (%ld)", r);

	/* select and pselect6. */
	uint64_t rd = 1ULL << p[0], wr = 1ULL << p[1];
	struct timeval tv = { 0, 0 };
	r = select(p[1] + 1, &rd, &wr, NULL, &tv);
	T_OK(r == 1 && rd == 0 && wr == (1ULL << p[1]),
	     "select: the empty pipe is writable only (%ld)", r);
	sys_write(p[1], "x", 1);
	rd = 1ULL << p[0];
	r = select(p[0] + 1, &rd, NULL, NULL, NULL);
	T_OK(r == 1 && rd == (1ULL << p[0]), "select: readable after a write (%ld)", r);
	sys_read(p[0], buf, 1);
	rd = 1ULL << p[0];
	tv = (struct timeval){ 0, 100000 };
	t0 = rt_now_ns();
	r = select(p[0] + 1, &rd, NULL, NULL, &tv);
	ms = (rt_now_ns() - t0) / 1000000;
	T_OK(r == 0 && rd == 0 && ms >= 90 && tv.tv_sec == 0 && tv.tv_usec == 0,
	     "select times out after 100 ms and clears the sets (%ld ms)", (long)ms);
	rd = 1ULL << 40;
	T_OK(select(41, &rd, NULL, NULL, &tv) == -EBADF, "select on a closed fd is EBADF");
	T_OK(select(-1, NULL, NULL, NULL, &tv) == -EINVAL, "select with nfds < 0 is EINVAL");

	hits = 0;
	pid = later(50, -1, SIGUSR1);
	rd = 1ULL << p[0];
	struct { const uint64_t *ss; size_t len; } sm = { &none, 8 };
	r = pselect6(p[0] + 1, &rd, NULL, NULL, NULL, &sm);
	T_OK(r == -EINTR && hits == 1 && (blocked_now() & usr1),
	     "pselect6's mask lets SIGUSR1 in, then the old mask is back (%ld)", r);
	reap(pid);
	syscall4(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&usr1, 0, 8);
	return t_done();
}
