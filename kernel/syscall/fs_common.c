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

int fs_resolve_at(int dirfd, const char *upath, int flags, struct inode **out)
{
	char *path = NULL;
	int err = fs_copy_path(upath, &path);
	if (err)
		return err;
	if (!path[0]) {
		kfree(path);
		if (!(flags & AT_EMPTY_PATH))
			return -ENOENT;
		if (dirfd == AT_FDCWD) {
			*out = vfs_current_cwd();
			return *out ? 0 : -ENOENT;
		}
		struct file *f = fs_fd_get(dirfd);
		if (!f)
			return -EBADF;
		err = f->inode ? 0 : -EBADF;
		if (!err)
			*out = inode_get(f->inode);
		file_put(f);
		return err;
	}
	struct inode *base;
	err = fs_dirfd_base(dirfd, path, &base);
	if (!err) {
		err = vfs_lookup_at(base, path, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				    out);
		inode_put(base);
	}
	kfree(path);
	return err;
}
