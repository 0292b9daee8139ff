/*
 * File system calls that change or write back whole files and filesystems:
 * rename, renameat, renameat2, truncate, ftruncate, sync, syncfs, fsync,
 * fdatasync (statfs and fstatfs are in fs_statfs.c). Thin: copy in, resolve, call the VFS
 * (fs/rename.c, fs/dir.c, fs/sync.c).
 */
#include <errno.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/statfs.h>

#include "fs_common.h"

long sys_renameat2(int olddirfd, const char *uold, int newdirfd, const char *unew,
		   unsigned int flags)
{
	char *oldp, *newp;
	struct inode *obase = NULL, *nbase = NULL;
	long r = fs_copy_path(uold, &oldp);
	if (r)
		return r;
	r = fs_copy_path(unew, &newp);
	if (r)
		goto out_free_old;
	if (!oldp[0] || !newp[0]) {
		r = -ENOENT;
		goto out_free_new;
	}
	r = fs_dirfd_base(olddirfd, oldp, &obase);
	if (!r)
		r = fs_dirfd_base(newdirfd, newp, &nbase);
	if (!r)
		r = vfs_rename(obase, oldp, nbase, newp, flags);
	if (obase)
		inode_put(obase);
	if (nbase)
		inode_put(nbase);
out_free_new:
	kfree(newp);
out_free_old:
	kfree(oldp);
	return r;
}

long sys_renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

long sys_rename(const char *oldpath, const char *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

long sys_truncate(const char *upath, long length)
{
	if (length < 0)
		return -EINVAL;
	char *path;
	long r = fs_copy_path(upath, &path);
	if (r)
		return r;
	struct inode *inode;
	r = path[0] ? vfs_lookup(path, LOOKUP_FOLLOW, &inode) : -ENOENT;
	if (!r) {
		/* truncate(2) by name needs write permission; ftruncate(2) the descriptor's. */
		r = S_ISDIR(inode->mode) ? -EISDIR : inode_permission(inode, MAY_WRITE);
		if (!r)
			r = vfs_truncate(inode, (uint64_t)length);
		inode_put(inode);
	}
	kfree(path);
	return r;
}

long sys_ftruncate(int fd, long length)
{
	if (length < 0)
		return -EINVAL;
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r;
	if (!f->inode || !file_writable(f) || !S_ISREG(f->inode->mode))
		r = -EINVAL;
	else
		r = vfs_truncate(f->inode, (uint64_t)length);
	file_put(f);
	return r;
}

long sys_sync(void)
{
	vfs_sync_all();
	return 0;
}

/* fsync, fdatasync and syncfs all write back the file's whole filesystem. */
static long sync_fd(int fd)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->inode ? vfs_sync_inode(f->inode) : -EINVAL;
	file_put(f);
	return r;
}

long sys_syncfs(int fd)
{
	return sync_fd(fd);
}

long sys_fsync(int fd)
{
	return sync_fd(fd);
}

long sys_fdatasync(int fd)
{
	return sync_fd(fd);
}
