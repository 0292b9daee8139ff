/* ioctl(2): dispatched to the file's ops; -ENOTTY when the file has none. */
#include <errno.h>
#include <fs/fdtable.h>
#include <fs/vfs.h>
#include <proc/process.h>

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_get(current_proc()->files, fd);
	if (!f)
		return -EBADF;
	long r = f->ops && f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
	file_put(f);
	return r;
}
