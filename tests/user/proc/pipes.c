/*
 * Pipes: SIGPIPE (default: death; ignored: EPIPE), FIONREAD, O_NONBLOCK
 * (EAGAIN both ways), PIPE_BUF atomicity between two writers, and a 256 MiB
 * transfer checked with a checksum.
 */
#include "rt.h"

#define BIG (256UL << 20)
#define CHUNK (64 * 1024)

static int sigpipe_child(void *arg)
{
	(void)arg;
	int p[2];
	sys_pipe2(p, 0);
	sys_close(p[0]);
	sys_write(p[1], "x", 1);
	return 0; /* not reached: SIGPIPE */
}

static int epipe_child(void *arg)
{
	(void)arg;
	struct k_sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (void *)SIG_IGN;
	sys_rt_sigaction(SIGPIPE, &sa, NULL);
	int p[2];
	sys_pipe2(p, 0);
	sys_close(p[0]);
	return sys_write(p[1], "x", 1) == -EPIPE ? 0 : 1;
}

/* A position-dependent checksum of n bytes (a multiple of 8) at stream offset off. */
static uint64_t mix(uint64_t h, const unsigned char *b, size_t n, uint64_t off)
{
	const uint64_t *w = (const uint64_t *)b;
	for (size_t i = 0; i < n / 8; i++)
		h += (w[i] ^ (off + i * 8)) * 0x100000001b3ULL;
	return h;
}

static unsigned char buf[CHUNK] __attribute__((aligned(8)));

/* fcntl F_GETPIPE_SZ / F_SETPIPE_SZ on a pipe and a FIFO. */
static void test_pipe_size(void)
{
	int p[2];
	sys_pipe2(p, O_NONBLOCK);
	long sz = syscall3(SYS_fcntl, p[0], F_GETPIPE_SZ, 0);
	T_OK(sz == 65536, "F_GETPIPE_SZ: 64 KiB at first (%ld)", sz);
	sz = syscall3(SYS_fcntl, p[1], F_SETPIPE_SZ, 5000);
	T_OK(sz == 8192 && syscall3(SYS_fcntl, p[0], F_GETPIPE_SZ, 0) == 8192,
	     "F_SETPIPE_SZ 5000 rounds up to 8192, seen from both ends (%ld)", sz);
	long total = 0, r;
	while ((r = sys_write(p[1], buf, 1024)) > 0)
		total += r;
	T_OK(total == 8192 && r == -EAGAIN, "the pipe holds exactly 8192 bytes (%ld)", total);
	r = syscall3(SYS_fcntl, p[1], F_SETPIPE_SZ, 4096);
	T_OK(r == -EBUSY, "shrinking below what is queued is EBUSY (%ld)", r);
	r = syscall3(SYS_fcntl, p[1], F_SETPIPE_SZ, 1 << 20);
	T_OK(r == 1 << 20, "F_SETPIPE_SZ 1 MiB keeps the queued bytes (%ld)", r);
	char c[1024];
	long got = 0;
	bool same = true;
	while ((r = sys_read(p[0], c, sizeof(c))) > 0) {
		same &= !memcmp(c, buf, (size_t)r);
		got += r;
	}
	T_OK(got == 8192 && same, "the bytes come out after the resize (%ld)", got);
	total = 0;
	while ((r = sys_write(p[1], buf, 4096)) > 0)
		total += r;
	T_OK(total == 1 << 20, "the bigger pipe holds 1 MiB (%ld)", total);
	sys_close(p[0]);
	sys_close(p[1]);
	int fd = (int)sys_open("/proc/self/stat", O_RDONLY, 0);
	if (fd < 0)
		fd = (int)sys_open("/", O_RDONLY, 0);
	r = syscall3(SYS_fcntl, fd, F_GETPIPE_SZ, 0);
	T_OK(r == -EBADF, "F_GETPIPE_SZ on a file that is not a pipe is EBADF (%ld)", r);
	sys_close(fd);
	syscall3(SYS_mknod, (long)"/tmp/pipesz.fifo", S_IFIFO | 0600, 0);
	fd = (int)sys_open("/tmp/pipesz.fifo", O_RDWR | O_NONBLOCK, 0);
	r = syscall3(SYS_fcntl, fd, F_SETPIPE_SZ, 4096);
	T_OK(fd >= 0 && r == 4096 && syscall3(SYS_fcntl, fd, F_GETPIPE_SZ, 0) == 4096,
	     "F_SETPIPE_SZ on a FIFO (%ld)", r);
	sys_close(fd);
	syscall1(SYS_unlink, (long)"/tmp/pipesz.fifo");
}

int main(void)
{
	test_pipe_size();
	int st = rt_run_child(sigpipe_child, NULL);
	T_OK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	     "a write without a reader dies of SIGPIPE (%#x)", st);
	T_OK(rt_run_child(epipe_child, NULL) == 0, "with SIGPIPE ignored the write is EPIPE");

	int p[2];
	sys_pipe2(p, O_NONBLOCK);
	int n = -1;
	T_OK(syscall3(SYS_ioctl, p[0], FIONREAD, (long)&n) == 0 && n == 0, "FIONREAD: 0 at first");
	sys_write(p[1], "hello", 5);
	T_OK(syscall3(SYS_ioctl, p[0], FIONREAD, (long)&n) == 0 && n == 5, "FIONREAD: 5 (%d)", n);
	char c[8];
	sys_read(p[0], c, 5);
	T_OK(sys_read(p[0], c, 1) == -EAGAIN, "O_NONBLOCK read of an empty pipe is EAGAIN");
	long total = 0, r;
	while ((r = sys_write(p[1], buf, 1000)) > 0)
		total += r;
	T_OK(r == -EAGAIN && total > 0, "O_NONBLOCK write to a full pipe is EAGAIN (after %ld)",
	     total);
	T_OK(sys_write(p[1], buf, 1000) == -EAGAIN,
	     "a write of at most PIPE_BUF bytes that does not fit is not split: EAGAIN");
	sys_close(p[0]);
	sys_close(p[1]);

	/* Two writers of PIPE_BUF-byte blocks: each block arrives whole. */
	sys_pipe2(p, 0);
	for (int w = 0; w < 2; w++) {
		if (sys_fork() == 0) {
			memset(buf, 'a' + w, 4096);
			for (int i = 0; i < 64; i++)
				sys_write(p[1], buf, 4096);
			sys_exit(0);
		}
	}
	sys_close(p[1]);
	bool whole = true;
	int blocks = 0;
	for (;;) {
		long got = 0;
		while (got < 4096 && (r = sys_read(p[0], buf + got, (size_t)(4096 - got))) > 0)
			got += r;
		if (got == 0)
			break;
		blocks++;
		for (int i = 1; i < got; i++)
			whole &= buf[i] == buf[0];
		whole &= got == 4096;
	}
	sys_wait4(-1, &st, 0, NULL);
	sys_wait4(-1, &st, 0, NULL);
	T_OK(whole && blocks == 128, "PIPE_BUF writes from two writers never interleave (%d blocks)",
	     blocks);
	sys_close(p[0]);

	/* 256 MiB through a pipe, checksummed on both sides. */
	sys_pipe2(p, 0);
	int sums[2];
	sys_pipe2(sums, 0);
	int64_t t0 = rt_now_ns();
	long pid = sys_fork();
	if (pid == 0) {
		sys_close(p[0]);
		uint64_t h = 0xcbf29ce484222325ULL;
		for (uint64_t off = 0; off < BIG; off += CHUNK) {
			uint64_t *w = (uint64_t *)buf;
			for (int i = 0; i < CHUNK / 8; i++)
				w[i] = (off + (uint64_t)i * 8) * 0x9e3779b97f4a7c15ULL;
			h = mix(h, buf, CHUNK, off);
			for (long done = 0; done < CHUNK;) {
				long w = sys_write(p[1], buf + done, (size_t)(CHUNK - done));
				if (w <= 0)
					sys_exit(1);
				done += w;
			}
		}
		sys_write(sums[1], &h, sizeof(h));
		sys_exit(0);
	}
	sys_close(p[1]);
	uint64_t h = 0xcbf29ce484222325ULL, got = 0;
	/* Whole chunks keep the words aligned with their stream offsets. */
	for (;;) {
		long have = 0;
		while (have < CHUNK && (r = sys_read(p[0], buf + have, (size_t)(CHUNK - have))) > 0)
			have += r;
		if (have == 0)
			break;
		h = mix(h, buf, (size_t)have, got);
		got += (uint64_t)have;
	}
	uint64_t theirs = 0;
	sys_read(sums[0], &theirs, sizeof(theirs));
	sys_wait4((int)pid, &st, 0, NULL);
	long ms = (long)((rt_now_ns() - t0) / 1000000);
	T_OK(got == BIG && h == theirs && st == 0, "256 MiB through a pipe arrive intact (%ld ms)",
	     ms);
	return t_done();
}
