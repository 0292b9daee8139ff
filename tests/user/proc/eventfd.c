/*
 * eventfd(2): the counter's read and write rules, EFD_SEMAPHORE,
 * EFD_NONBLOCK's EAGAIN, EFD_CLOEXEC, poll readiness, and a reader blocked
 * in another process woken by a write.
 */
#include "rt.h"

#include <uapi/eventfd.h>
#include <uapi/poll.h>

static long rd(int fd, uint64_t *v)
{
	return sys_read(fd, v, sizeof(*v));
}

static long wr(int fd, uint64_t v)
{
	return sys_write(fd, &v, sizeof(v));
}

int main(void)
{
	t_set_prog("eventfd");
	uint64_t v = 0;
	long fd = syscall2(SYS_eventfd2, 5, EFD_NONBLOCK);
	T_OK(fd >= 0, "eventfd2 with an initial value of 5");
	T_OK(rd((int)fd, &v) == 8 && v == 5, "read returns the counter (%lu)", (unsigned long)v);
	T_OK(rd((int)fd, &v) == -EAGAIN, "and zeroes it: the next read is EAGAIN");
	T_OK(wr((int)fd, 3) == 8 && wr((int)fd, 4) == 8 && rd((int)fd, &v) == 8 && v == 7,
	     "writes add up");
	T_OK(sys_read((int)fd, &v, 4) == -EINVAL, "a read of fewer than 8 bytes is EINVAL");
	T_OK(wr((int)fd, UINT64_MAX) == -EINVAL, "writing 2^64-1 is EINVAL");
	T_OK(wr((int)fd, 0xfffffffffffffffeULL) == 8 && wr((int)fd, 1) == -EAGAIN,
	     "a write that would overflow is EAGAIN without blocking");
	struct pollfd p = {.fd = (int)fd, .events = POLLIN | POLLOUT};
	T_OK(syscall3(SYS_poll, (long)&p, 1, 0) == 1 && p.revents == POLLIN,
	     "full: readable but not writable (%x)", p.revents);
	rd((int)fd, &v);
	p.revents = 0;
	T_OK(syscall3(SYS_poll, (long)&p, 1, 0) == 1 && p.revents == POLLOUT,
	     "empty: writable but not readable (%x)", p.revents);
	sys_close((int)fd);

	fd = syscall2(SYS_eventfd2, 2, EFD_SEMAPHORE | EFD_CLOEXEC);
	T_OK(fd >= 0 && syscall3(SYS_fcntl, (int)fd, F_GETFD, 0) == FD_CLOEXEC,
	     "EFD_CLOEXEC sets close-on-exec");
	T_OK(rd((int)fd, &v) == 8 && v == 1 && rd((int)fd, &v) == 8 && v == 1,
	     "EFD_SEMAPHORE reads 1 at a time");
	T_OK(syscall2(SYS_eventfd2, 0, 0x10) == -EINVAL, "unknown flags are EINVAL");

	/* The counter is 0: a blocking read waits for another process's write. */
	long pid = sys_fork();
	if (pid == 0) {
		struct timespec ts = {0, 100 * 1000000};
		sys_nanosleep(&ts, NULL);
		wr((int)fd, 9);
		syscall1(SYS_exit_group, 0);
	}
	struct timespec t0, t1;
	sys_clock_gettime(CLOCK_MONOTONIC, &t0);
	long r = rd((int)fd, &v);
	sys_clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	T_OK(r == 8 && v == 1 && ms >= 50, "a blocked read wakes on another process's write (%ld ms)",
	     ms);
	int status;
	sys_wait4((int)pid, &status, 0, NULL);
	T_OK(syscall1(SYS_eventfd, 0) >= 0, "eventfd (the old call) works");
	return t_done();
}
