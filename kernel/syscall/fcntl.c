/* fcntl(2): descriptor flags, status flags, duplication and record locks; flock(2). */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/locks.h>
#include <fs/vfs.h>
#include <ipc/pipe.h>
#include <proc/process.h>
#include <uaccess.h>
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
	case F_SETLKW: {
		struct flock fl;
		if (copy_from_user(&fl, (void *)arg, sizeof(fl))) {
			r = -EFAULT;
			break;
		}
		r = locks_fcntl(f, cmd, &fl);
		if (!r && cmd == F_GETLK && copy_to_user((void *)arg, &fl, sizeof(fl)))
			r = -EFAULT;
		break;
	}
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		r = pipe_fcntl(f, cmd, arg);
		break;
	default:
		r = -EINVAL;
		break;
	}
	file_put(f);
	return r;
}

long sys_flock(int fd, unsigned int op)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = locks_flock(f, (int)op);
	file_put(f);
	return r;
}
