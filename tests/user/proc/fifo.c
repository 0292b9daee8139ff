/*
 * FIFOs: mknod(S_IFIFO) makes one; opening follows POSIX (O_RDONLY waits for
 * a writer, O_WRONLY for a reader; O_NONBLOCK: a reader opens at once, a
 * writer without a reader gets ENXIO; O_RDWR never waits; a signal
 * interrupts the wait), and data flows as through a pipe.
 */
#include <uapi/poll.h>

#include "rt.h"

__asm__(".text\n.globl restore_rt\nrestore_rt:\n\tmov $15, %eax\n\tsyscall\n\thlt\n");
void restore_rt(void);

#define mknod(p, m, d) syscall3(SYS_mknod, (long)(p), (m), (d))
#define PATH "/tmp/test-fifo"

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	T_OK(mknod(PATH, S_IFIFO | 0600, 0) == 0, "mknod(S_IFIFO) makes a FIFO");
	T_OK(mknod(PATH, S_IFIFO | 0600, 0) == -EEXIST, "a second one is EEXIST");
	struct stat st;
	T_OK(syscall2(SYS_stat, (long)PATH, (long)&st) == 0 && S_ISFIFO(st.st_mode),
	     "stat says S_IFIFO (%#o)", st.st_mode);
	T_OK(sys_open(PATH, O_WRONLY | O_NONBLOCK, 0) == -ENXIO,
	     "O_WRONLY|O_NONBLOCK without a reader is ENXIO");
	int r = (int)sys_open(PATH, O_RDONLY | O_NONBLOCK, 0);
	T_OK(r >= 0, "O_RDONLY|O_NONBLOCK opens at once (%d)", r);
	int w = (int)sys_open(PATH, O_WRONLY | O_NONBLOCK, 0);
	T_OK(w >= 0, "with a reader, O_WRONLY|O_NONBLOCK opens (%d)", w);
	char buf[16];
	T_OK(sys_write(w, "abc", 3) == 3 && sys_read(r, buf, sizeof(buf)) == 3 &&
		 !memcmp(buf, "abc", 3),
	     "bytes written come out of the read end");
	struct pollfd pf = { r, POLLIN, 0 };
	sys_write(w, "z", 1);
	T_OK(syscall3(SYS_poll, (long)&pf, 1, 0) == 1 && (pf.revents & POLLIN),
	     "poll sees a FIFO readable");
	sys_close(w);
	sys_read(r, buf, 1);
	T_OK(sys_read(r, buf, 1) == 0, "after the last writer closed, a read is end of file");
	sys_close(r);

	/* Blocking opens meet. */
	int64_t t0 = rt_now_ns();
	long pid = sys_fork();
	if (pid == 0) {
		int fd = (int)sys_open(PATH, O_WRONLY, 0);
		long waited = (long)((rt_now_ns() - t0) / 1000000);
		sys_write(fd, "hi", 2);
		sys_exit(fd >= 0 && waited >= 80 ? 0 : 1);
	}
	rt_sleep_ms(100);
	r = (int)sys_open(PATH, O_RDONLY, 0);
	long n = sys_read(r, buf, sizeof(buf));
	int status;
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(r >= 0 && n == 2 && !memcmp(buf, "hi", 2) && status == 0,
	     "a blocking O_WRONLY open waits for the reader, then data flows (%ld, %#x)", n, status);
	sys_close(r);

	int rw = (int)sys_open(PATH, O_RDWR, 0);
	T_OK(rw >= 0, "O_RDWR opens without waiting");
	sys_close(rw);

	/* A signal interrupts a waiting open. */
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)on_usr1;
	sa.sa_flags = SA_RESTORER;
	sa.sa_restorer = (void *)restore_rt;
	sys_rt_sigaction(SIGUSR1, &sa, NULL);
	long me = sys_getpid();
	pid = sys_fork();
	if (pid == 0) {
		rt_sleep_ms(50);
		sys_kill((int)me, SIGUSR1);
		sys_exit(0);
	}
	long fd = sys_open(PATH, O_RDONLY, 0);
	T_OK(fd == -EINTR, "a signal interrupts a waiting open: EINTR (%ld)", fd);
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(syscall1(SYS_unlink, (long)PATH) == 0, "unlink the FIFO");
	return t_done();
}
