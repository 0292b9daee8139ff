/*
 * Name system calls: mkdir, unlink, rmdir, symlink, readlink, link and their
 * *at forms, and umask. Thin: copy the paths in, find the base directory,
 * call the VFS (fs/dir.c).
 */
#include <errno.h>
#include <fs/vfs.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

#include "fs_common.h"

/* Runs op(base, path) for a user path relative to dirfd. */
static long with_path(int dirfd, const char *upath,
		      long (*op)(struct inode *base, const char *path, long arg), long arg)
{
	char *path;
	long r = fs_copy_path(upath, &path);
	if (r)
		return r;
	struct inode *base;
	r = path[0] ? fs_dirfd_base(dirfd, path, &base) : -ENOENT;
	if (!r) {
		r = op(base, path, arg);
		inode_put(base);
	}
	kfree(path);
	return r;
}

static long do_mkdir(struct inode *base, const char *path, long mode)
{
	return vfs_mkdir(base, path, (uint32_t)mode);
}

static long do_unlink(struct inode *base, const char *path, long flags)
{
	return (flags & AT_REMOVEDIR) ? vfs_rmdir(base, path) : vfs_unlink(base, path);
}

long sys_mkdirat(int dirfd, const char *path, unsigned int mode)
{
	return with_path(dirfd, path, do_mkdir, mode);
}

long sys_mkdir(const char *path, unsigned int mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

long sys_unlinkat(int dirfd, const char *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return with_path(dirfd, path, do_unlink, flags);
}

long sys_unlink(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

long sys_rmdir(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

static long do_symlink(struct inode *base, const char *path, long target)
{
	return vfs_symlink(base, (const char *)target, path);
}

/* mknodat's mode and device number travel together through with_path()'s one argument. */
static long do_mknod(struct inode *base, const char *path, long mode_dev)
{
	uint32_t mode = (uint32_t)mode_dev;
	uint64_t dev = (uint64_t)mode_dev >> 32;
	return vfs_mknod(base, path, mode, dev);
}

long sys_mknodat(int dirfd, const char *path, unsigned int mode, unsigned int dev)
{
	unsigned type = mode & S_IFMT;
	if (type == S_IFDIR)
		return -EPERM;
	/* Device nodes need privilege; FIFOs, sockets and regular files do not. */
	if ((type == S_IFCHR || type == S_IFBLK) && current_proc()->euid != 0)
		return -EPERM;
	return with_path(dirfd, path, do_mknod, (long)(((uint64_t)dev << 32) | mode));
}

long sys_mknod(const char *path, unsigned int mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

long sys_symlinkat(const char *utarget, int dirfd, const char *path)
{
	char *target;
	long r = fs_copy_path(utarget, &target);
	if (r)
		return r;
	r = target[0] ? with_path(dirfd, path, do_symlink, (long)target) : -ENOENT;
	kfree(target);
	return r;
}

long sys_symlink(const char *target, const char *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

struct readlink_args {
	char *buf;
	size_t size;
};

static long do_readlink(struct inode *base, const char *path, long arg)
{
	struct readlink_args *a = (struct readlink_args *)arg;
	return vfs_readlink(base, path, a->buf, a->size);
}

long sys_readlinkat(int dirfd, const char *path, char *ubuf, int size)
{
	if (size <= 0)
		return -EINVAL;
	struct readlink_args a = { kmalloc(PATH_MAX), MIN((size_t)size, (size_t)PATH_MAX) };
	if (!a.buf)
		return -ENOMEM;
	long n = with_path(dirfd, path, do_readlink, (long)&a);
	if (n > 0 && copy_to_user(ubuf, a.buf, (size_t)n))
		n = -EFAULT;
	kfree(a.buf);
	return n;
}

long sys_readlink(const char *path, char *buf, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}

struct link_args {
	int newdirfd;
	const char *unewpath;
};

long sys_linkat(int olddirfd, const char *uold, int newdirfd, const char *unew, int flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* FIXME: the VFS resolves both names from the working directory or "/". */
	if ((olddirfd != AT_FDCWD || newdirfd != AT_FDCWD))
		return -ENOSYS;
	char *oldp, *newp;
	long r = fs_copy_path(uold, &oldp);
	if (r)
		return r;
	r = fs_copy_path(unew, &newp);
	if (!r) {
		r = oldp[0] && newp[0] ? vfs_link(NULL, oldp, newp) : -ENOENT;
		kfree(newp);
	}
	kfree(oldp);
	return r;
}

long sys_link(const char *oldpath, const char *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

long sys_umask(unsigned int mask)
{
	struct process *p = current_proc();
	unsigned old = p->umask;
	p->umask = mask & 0777;
	return old;
}
