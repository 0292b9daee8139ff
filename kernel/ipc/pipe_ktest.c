/* Self-tests of pipes, through their file ops with kernel buffers. */
#include <errno.h>
#include <fs/vfs.h>
#include <ipc/pipe.h>
#include <ktest.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/sched.h>
#include <proc/task.h>

static ssize_t pipe_put(struct file *f, const void *buf, size_t n)
{
	struct uio u = uio_kernel((void *)buf, n);
	return vfs_write(f, &u);
}

static ssize_t pipe_get(struct file *f, void *buf, size_t n)
{
	struct uio u = uio_kernel(buf, n);
	return vfs_read(f, &u);
}

KTEST(pipe_basic)
{
	struct file *r, *w;
	struct stat st;
	char buf[16];

	KT_ASSERT(pipe_create(O_CLOEXEC, &r, &w) == -EINVAL);
	KT_ASSERT(pipe_create(O_NONBLOCK, &r, &w) == 0);
	KT_ASSERT(vfs_stat(r->inode, &st) == 0 && S_ISFIFO(st.st_mode) && r->inode == w->inode);
	KT_ASSERT(pipe_get(r, buf, sizeof(buf)) == -EAGAIN);
	KT_ASSERT(pipe_put(w, "abc", 3) == 3);
	KT_ASSERT(pipe_put(w, "defg", 4) == 4);
	KT_ASSERT(pipe_get(r, buf, 2) == 2 && !memcmp(buf, "ab", 2));
	KT_ASSERT(pipe_get(r, buf, sizeof(buf)) == 5 && !memcmp(buf, "cdefg", 5));
	KT_ASSERT(pipe_get(w, buf, 1) == -EBADF && pipe_put(r, "x", 1) == -EBADF);
	KT_ASSERT(vfs_lseek(r, 0, SEEK_SET) == -ESPIPE);

	/* Full: a small write is atomic (all or -EAGAIN), a big one goes in part. */
	char *big = kzalloc(PIPE_SIZE + 100);
	KT_ASSERT(big);
	KT_ASSERT(pipe_put(w, big, PIPE_SIZE - 10) == PIPE_SIZE - 10);
	KT_ASSERT(pipe_put(w, big, 20) == -EAGAIN);
	KT_ASSERT(pipe_put(w, big, PIPE_BUF + 1) == 10);
	KT_ASSERT(pipe_put(w, big, 1) == -EAGAIN);
	KT_ASSERT(pipe_get(r, big, PIPE_SIZE + 100) == PIPE_SIZE);

	/* Data wrapping around the end of the ring comes out in order. */
	KT_ASSERT(pipe_put(w, big, 4000) == 4000 && pipe_get(r, big, 4000) == 4000);
	for (int i = 0; i < 200; i++)
		big[i] = (char)i;
	KT_ASSERT(pipe_put(w, big, 200) == 200);
	memset(big, 0, 200);
	KT_ASSERT(pipe_get(r, big, PIPE_SIZE) == 200);
	for (int i = 0; i < 200; i++)
		KT_ASSERT(big[i] == (char)i);
	kfree(big);

	/* No writer: end of file. No reader: -EPIPE. */
	KT_ASSERT(pipe_put(w, "xy", 2) == 2);
	file_put(w);
	KT_ASSERT(pipe_get(r, buf, sizeof(buf)) == 2);
	KT_ASSERT(pipe_get(r, buf, sizeof(buf)) == 0);
	file_put(r);

	KT_ASSERT(pipe_create(0, &r, &w) == 0);
	file_put(r);
	KT_ASSERT(pipe_put(w, "z", 1) == -EPIPE);
	file_put(w);
	return 0;
}

#define PIPE_KT_TOTAL (64 * 1024)

struct pipe_writer {
	struct file *w;
	volatile bool done;
};

/* Writes PIPE_KT_TOTAL patterned bytes in odd-sized pieces, then closes its end. */
static void pipe_writer_thread(void *arg)
{
	struct pipe_writer *pw = arg;
	static uint8_t chunk[1000];
	size_t sent = 0;

	while (sent < PIPE_KT_TOTAL) {
		size_t n = MIN(sizeof(chunk), PIPE_KT_TOTAL - sent);
		for (size_t i = 0; i < n; i++)
			chunk[i] = (uint8_t)((sent + i) * 13);
		if (pipe_put(pw->w, chunk, n) != (ssize_t)n)
			break;
		sent += n;
	}
	struct file *w = pw->w;
	pw->done = true;
	file_put(w);
}

KTEST(pipe_blocking)
{
	struct pipe_writer pw = {0};
	struct file *r;
	uint8_t buf[700];
	size_t got = 0;

	KT_ASSERT(pipe_create(0, &r, &pw.w) == 0);
	KT_ASSERT(kthread_create(pipe_writer_thread, &pw, "kt-pipe"));
	for (;;) {
		ssize_t n = pipe_get(r, buf, sizeof(buf));
		KT_ASSERT(n >= 0);
		if (n == 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			KT_ASSERT(buf[i] == (uint8_t)((got + i) * 13));
		got += n;
	}
	KT_ASSERT(got == PIPE_KT_TOTAL && pw.done);
	file_put(r);
	return 0;
}
