/* fcntl(2): descriptor flags, status flags and duplication. Locks are FIXME (-ENOSYS). */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <proc/process.h>
#include <uapi/fcntl.h>

#include "fs_common.h"

/* The status flags F_SETFL may change; the access mode and creation flags stay. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

long sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct fdtable *t = fs_files();
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((long)arg < 0) {
			r = -EINVAL;
			break;
		}
		r = fd_install(t, file_get(f), (int)MIN(arg, 1UL << 20), cmd == F_DUPFD_CLOEXEC);
		if (r < 0)
			file_put(f); /* the reference meant for the new descriptor */
		break;
	case F_GETFD:
		r = fd_get_cloexec(t, fd) > 0 ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		r = fd_set_cloexec(t, fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		r = f->flags;
		break;
	case F_SETFL:
		f->flags = (int)((f->flags & ~SETFL_MASK) | (arg & SETFL_MASK));
		r = 0;
		break;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		r = -ENOSYS; /* FIXME: record locks arrive with the storage issue */
		break;
	default:
		r = -EINVAL;
		break;
	}
	file_put(f);
	return r;
}
