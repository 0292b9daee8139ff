/*
 * File system calls, part one: opening, closing, reading, writing, seeking,
 * duplicating descriptors and pipes. The handlers are thin: they check
 * arguments, copy from and to user memory, and call the VFS. Stat, directory
 * listing and the working directory are in fs_stat.c.
 */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/locks.h>
#include <proc/process.h>
#include <fs/vfs.h>
#include <ipc/pipe.h>
#include <mm/slab.h>
#include <uaccess.h>
#include <uapi/uio.h>

#include "fs_common.h"

#define SSIZE_MAX ((size_t)INT64_MAX)
/* The most one read or write moves, as in Linux: INT_MAX rounded down to a page. */
#define MAX_RW_COUNT ((size_t)0x7ffff000)

long sys_read(int fd, void *buf, size_t count)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	count = MIN(count, MAX_RW_COUNT);
	struct uio u = uio_user(buf, count);
	long r;
	if (!file_readable(f))
		r = -EBADF;
	else if (!user_range_ok((uintptr_t)buf, count))
		r = -EFAULT;
	else
		r = vfs_read(f, &u);
	file_put(f);
	return r;
}

long sys_write(int fd, const void *buf, size_t count)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	count = MIN(count, MAX_RW_COUNT);
	struct uio u = uio_user((void *)buf, count);
	long r;
	if (!file_writable(f))
		r = -EBADF;
	else if (!user_range_ok((uintptr_t)buf, count))
		r = -EFAULT;
	else
		r = vfs_write(f, &u);
	file_put(f);
	return r;
}

/* The offset argument of do_rw() that means "at the file position". */
#define RW_AT_POS (-1)

/*
 * The transfer behind read(v)/write(v)/pread(v)/pwrite(v): iov (kernel
 * memory, pointing to user buffers) is checked (a total above SSIZE_MAX is
 * -EINVAL; the transfer stops at MAX_RW_COUNT), then moved one by one until
 * one comes up short, at the file position or at off (then -ESPIPE for
 * files that cannot seek).
 */
static long do_rw(int fd, const struct iovec *iov, int iovcnt, bool write, int64_t off)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	size_t total = 0, done = 0;
	uint64_t pos = (uint64_t)off;
	long r;

	if (write ? !file_writable(f) : !file_readable(f)) {
		r = -EBADF;
		goto out_put;
	}
	if (off != RW_AT_POS && !file_positional(f)) {
		r = -ESPIPE;
		goto out_put;
	}
	for (int i = 0; i < iovcnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total) {
			r = -EINVAL;
			goto out_put;
		}
		total += iov[i].iov_len;
		if (!user_range_ok((uintptr_t)iov[i].iov_base, iov[i].iov_len)) {
			r = -EFAULT;
			goto out_put;
		}
	}
	r = 0;
	for (int i = 0; i < iovcnt && done < MAX_RW_COUNT; i++) {
		size_t want = MIN(iov[i].iov_len, MAX_RW_COUNT - done);
		if (!want)
			continue;
		struct uio u = uio_user(iov[i].iov_base, want);
		if (off == RW_AT_POS)
			r = write ? vfs_write(f, &u) : vfs_read(f, &u);
		else
			r = write ? vfs_write_at(f, &u, &pos) : vfs_read_at(f, &u, &pos);
		if (r < 0)
			break;
		done += (size_t)r;
		if ((size_t)r < want)
			break;
	}
	if (done)
		r = (long)done;
out_put:
	file_put(f);
	return r;
}

/* readv/writev and the p- forms: copies the vector in and calls do_rw(). */
static long rw_vector(int fd, const struct iovec *uiov, int iovcnt, bool write, int64_t off)
{
	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	struct iovec *iov = kmalloc((size_t)iovcnt * sizeof(*iov) + 1);
	if (!iov)
		return -ENOMEM;
	long r = copy_from_user(iov, uiov, (size_t)iovcnt * sizeof(*iov));
	if (!r)
		r = do_rw(fd, iov, iovcnt, write, off);
	kfree(iov);
	return r;
}

long sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_vector(fd, iov, iovcnt, false, RW_AT_POS);
}

long sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_vector(fd, iov, iovcnt, true, RW_AT_POS);
}

long sys_preadv(int fd, const struct iovec *iov, int iovcnt, long off)
{
	return off < 0 ? -EINVAL : rw_vector(fd, iov, iovcnt, false, off);
}

long sys_pwritev(int fd, const struct iovec *iov, int iovcnt, long off)
{
	return off < 0 ? -EINVAL : rw_vector(fd, iov, iovcnt, true, off);
}

long sys_pread64(int fd, void *buf, size_t count, long off)
{
	struct iovec iov = {.iov_base = buf, .iov_len = MIN(count, MAX_RW_COUNT)};
	return off < 0 ? -EINVAL : do_rw(fd, &iov, 1, false, off);
}

long sys_pwrite64(int fd, const void *buf, size_t count, long off)
{
	struct iovec iov = {.iov_base = (void *)buf, .iov_len = MIN(count, MAX_RW_COUNT)};
	return off < 0 ? -EINVAL : do_rw(fd, &iov, 1, true, off);
}

long sys_openat(int dirfd, const char *upath, int flags, unsigned int mode)
{
	struct fdtable *files = fs_files();
	struct inode *base;
	struct file *f;
	char *path;

	if (!files)
		return -EMFILE;
	/* FIXME: O_TMPFILE needs unnamed inodes; O_PATH is treated as a plain open. */
	if ((flags & __O_TMPFILE) == __O_TMPFILE)
		return -EOPNOTSUPP;
	long r = fs_copy_path(upath, &path);
	if (r < 0)
		return r;
	r = fs_dirfd_base(dirfd, path, &base);
	if (r < 0)
		goto out_free;
	r = vfs_open_at(base, path, flags, mode, &f);
	inode_put(base);
	if (r < 0)
		goto out_free;
	r = fd_install(files, f, 0, flags & O_CLOEXEC);
	if (r < 0)
		file_put(f);
out_free:
	kfree(path);
	return r;
}

long sys_open(const char *path, int flags, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_creat(const char *path, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd)
{
	struct fdtable *files = fs_files();
	if (!files)
		return -EBADF;
	struct file *f = fd_get(files, fd);
	if (f && f->inode)
		locks_close(current_proc(), f->inode); /* POSIX: any close drops the process's locks */
	file_put(f);
	return fd_close(files, fd);
}

long sys_lseek(int fd, long offset, int whence)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = vfs_lseek(f, offset, whence);
	file_put(f);
	return r;
}

long sys_dup(int oldfd)
{
	struct fdtable *files = fs_files();
	struct file *f = fs_fd_get(oldfd);
	if (!f)
		return -EBADF;
	int fd = fd_install(files, f, 0, false);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_dup2(int oldfd, int newfd)
{
	struct fdtable *files = fs_files();
	struct file *f = fs_fd_get(oldfd);
	if (!f)
		return -EBADF;
	if (oldfd == newfd) {
		file_put(f);
		return newfd;
	}
	int fd = fd_install_at(files, f, newfd, false);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	struct file *f = fs_fd_get(oldfd);
	if (!f)
		return -EBADF;
	int fd = fd_install_at(fs_files(), f, newfd, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_pipe2(int *ufds, int flags)
{
	struct fdtable *files = fs_files();
	struct file *rd, *wr;
	int fds[2];

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!files)
		return -EMFILE;
	int err = pipe_create(flags & O_NONBLOCK, &rd, &wr);
	if (err)
		return err;
	bool cloexec = flags & O_CLOEXEC;
	fds[0] = fd_install(files, rd, 0, cloexec);
	if (fds[0] < 0) {
		file_put(rd);
		file_put(wr);
		return fds[0];
	}
	fds[1] = fd_install(files, wr, 0, cloexec);
	if (fds[1] < 0) {
		fd_close(files, fds[0]);
		file_put(wr);
		return fds[1];
	}
	if (copy_to_user(ufds, fds, sizeof(fds)) < 0) {
		fd_close(files, fds[0]);
		fd_close(files, fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *fds)
{
	return sys_pipe2(fds, 0);
}

/* close_range(2): CLOSE_RANGE_CLOEXEC marks instead of closing; CLOSE_RANGE_UNSHARE is a no-op here. */
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	struct fdtable *files = fs_files();
	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (first > last)
		return -EINVAL;
	if (!files)
		return 0;
	last = MIN(last, (unsigned)FDTABLE_MAX - 1);
	for (unsigned fd = first; fd <= last && fd >= first; fd++) {
		if (flags & CLOSE_RANGE_CLOEXEC)
			fd_set_cloexec(files, (int)fd, true);
		else
			sys_close((int)fd);
	}
	return 0;
}

/* sendfile moves data through a kernel buffer of this size, one chunk at a time. */
#define SENDFILE_CHUNK (64 * 1024)

/*
 * sendfile(2): copies up to count bytes from in_fd (at *uoff, which is then
 * advanced, or at in_fd's position) to out_fd. Stops at end of input or
 * at a short write; returns the bytes written.
 */
long sys_sendfile(int out_fd, int in_fd, long *uoff, size_t count)
{
	struct file *in = fs_fd_get(in_fd), *out = fs_fd_get(out_fd);
	char *buf = NULL;
	long r = -EBADF, done = 0;
	uint64_t pos = 0;
	if (!in || !out || !file_readable(in) || !file_writable(out))
		goto out;
	if (out->flags & O_APPEND) {
		r = -EINVAL;
		goto out;
	}
	if (uoff) {
		long off;
		if (copy_from_user(&off, uoff, sizeof(off))) {
			r = -EFAULT;
			goto out;
		}
		if (off < 0 || !file_positional(in)) {
			r = off < 0 ? -EINVAL : -ESPIPE;
			goto out;
		}
		pos = (uint64_t)off;
	}
	r = -ENOMEM;
	buf = kmalloc(SENDFILE_CHUNK);
	if (!buf)
		goto out;
	count = MIN(count, MAX_RW_COUNT);
	r = 0;
	while ((size_t)done < count) {
		size_t want = MIN(count - (size_t)done, SENDFILE_CHUNK);
		struct uio ku = uio_kernel(buf, want);
		long n = uoff ? vfs_read_at(in, &ku, &pos) : vfs_read(in, &ku);
		if (n <= 0) {
			r = n;
			break;
		}
		struct uio wu = uio_kernel(buf, (size_t)n);
		long w = vfs_write(out, &wu);
		if (w < 0) {
			r = w;
			break;
		}
		done += w;
		if (w < n) {
			/* Give back what was read but not written. */
			if (uoff)
				pos -= (uint64_t)(n - w);
			else if (file_positional(in))
				vfs_lseek(in, -(n - w), SEEK_CUR);
			break;
		}
	}
	if (done)
		r = done;
	if (uoff && r >= 0) {
		long off = (long)pos;
		if (copy_to_user(uoff, &off, sizeof(off)))
			r = -EFAULT;
	}
out:
	kfree(buf);
	if (in)
		file_put(in);
	if (out)
		file_put(out);
	return r;
}
