/* Helpers shared by the file system calls (see fs_common.h). */
#include <errno.h>
#include <fs/fdtable.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uaccess.h>

#include "fs_common.h"

struct fdtable *fs_files(void)
{
	struct process *p = current_proc();
	return p ? p->files : NULL;
}

struct file *fs_fd_get(int fd)
{
	struct fdtable *t = fs_files();
	return t ? fd_get(t, fd) : NULL;
}

int fs_copy_path(const char *upath, char **out)
{
	char *path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	long n = strncpy_from_user(path, upath, PATH_MAX);
	if (n < 0) {
		kfree(path);
		return (int)n;
	}
	*out = path;
	return 0;
}

int fs_dirfd_base(int dirfd, const char *path, struct inode **base)
{
	*base = NULL;
	if (path[0] == '/' || dirfd == AT_FDCWD)
		return 0;
	struct file *f = fs_fd_get(dirfd);
	if (!f)
		return -EBADF;
	int err = 0;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		err = -ENOTDIR;
	else
		*base = inode_get(f->inode);
	file_put(f);
	return err;
}
