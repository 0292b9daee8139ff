/* statfs(2) and fstatfs(2): thin wrappers around vfs_statfs() (fs/statfs.c). */
#include <errno.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <uaccess.h>
#include <uapi/statfs.h>

#include "fs_common.h"

static long statfs_to_user(struct inode *inode, struct statfs *ubuf)
{
	struct statfs st;
	long r = vfs_statfs(inode, &st);
	return r ? r : copy_to_user(ubuf, &st, sizeof(st));
}

long sys_statfs(const char *upath, struct statfs *buf)
{
	char *path;
	long r = fs_copy_path(upath, &path);
	if (r)
		return r;
	struct inode *inode;
	r = path[0] ? vfs_lookup(path, LOOKUP_FOLLOW, &inode) : -ENOENT;
	kfree(path);
	if (r)
		return r;
	r = statfs_to_user(inode, buf);
	inode_put(inode);
	return r;
}

long sys_fstatfs(int fd, struct statfs *buf)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->inode ? statfs_to_user(f->inode, buf) : -EINVAL;
	file_put(f);
	return r;
}
