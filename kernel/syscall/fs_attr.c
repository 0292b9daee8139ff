/*
 * Attribute and access calls: the chmod, chown and utime families and
 * access/faccessat. Each resolves its file (fs_resolve_at) and calls
 * fs/attr.c or fs/permission.c.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <proc/process.h>
#include <uaccess.h>
#include <uapi/fcntl.h>
#include <uapi/time.h>

#include "fs_common.h"

/* access(2) modes: existence, and read, write, execute permission. */
#define ACCESS_F 0
#define ACCESS_X 1
#define ACCESS_W 2
#define ACCESS_R 4

/* The inode of an open descriptor, referenced; -EBADF for a closed one or a pipe. */
static long fd_inode(int fd, struct inode **out)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->inode ? 0 : -EBADF;
	if (!r)
		*out = inode_get(f->inode);
	file_put(f);
	return r;
}

long sys_fchmodat(int dirfd, const char *path, unsigned int mode)
{
	struct inode *inode;
	long r = fs_resolve_at(dirfd, path, 0, &inode);
	if (r)
		return r;
	r = vfs_chmod(inode, mode);
	inode_put(inode);
	return r;
}

long sys_chmod(const char *path, unsigned int mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(int fd, unsigned int mode)
{
	struct inode *inode;
	long r = fd_inode(fd, &inode);
	if (r)
		return r;
	r = vfs_chmod(inode, mode);
	inode_put(inode);
	return r;
}

long sys_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *inode;
	long r = fs_resolve_at(dirfd, path, flags, &inode);
	if (r)
		return r;
	r = vfs_chown(inode, uid, gid);
	inode_put(inode);
	return r;
}

long sys_chown(const char *path, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

long sys_lchown(const char *path, uint32_t uid, uint32_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, uint32_t uid, uint32_t gid)
{
	struct inode *inode;
	long r = fd_inode(fd, &inode);
	if (r)
		return r;
	r = vfs_chown(inode, uid, gid);
	inode_put(inode);
	return r;
}

/* utimensat with a path, or on dirfd itself when path is NULL (Linux's futimens). */
long sys_utimensat(int dirfd, const char *path, const struct timespec *utimes, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct timespec times[2];
	if (utimes && copy_from_user(times, utimes, sizeof(times)))
		return -EFAULT;
	struct inode *inode;
	long r = path ? fs_resolve_at(dirfd, path, flags, &inode) : fd_inode(dirfd, &inode);
	if (r)
		return r;
	r = vfs_utimes(inode, utimes ? times : NULL);
	inode_put(inode);
	return r;
}

/* The struct timeval pair of utimes/futimesat as timespecs; NULL stays NULL. */
static long timevals_in(const struct timeval *utv, struct timespec ts[2], struct timespec **out)
{
	*out = NULL;
	if (!utv)
		return 0;
	struct timeval tv[2];
	if (copy_from_user(tv, utv, sizeof(tv)))
		return -EFAULT;
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	*out = ts;
	return 0;
}

long sys_futimesat(int dirfd, const char *path, const struct timeval *utv)
{
	struct timespec ts[2], *times;
	long r = timevals_in(utv, ts, &times);
	if (r)
		return r;
	struct inode *inode;
	r = fs_resolve_at(dirfd, path, 0, &inode);
	if (r)
		return r;
	r = vfs_utimes(inode, times);
	inode_put(inode);
	return r;
}

long sys_utimes(const char *path, const struct timeval *utv)
{
	return sys_futimesat(AT_FDCWD, path, utv);
}

long sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	if (mode & ~(ACCESS_R | ACCESS_W | ACCESS_X))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *inode;
	long r = fs_resolve_at(dirfd, path, flags, &inode);
	if (r)
		return r;
	if (mode != ACCESS_F) {
		struct process *p = current_proc();
		/* access(2) asks about the real ids; AT_EACCESS about the effective ones. */
		uint32_t uid = (flags & AT_EACCESS) ? p->euid : p->uid;
		uint32_t gid = (flags & AT_EACCESS) ? p->egid : p->gid;
		int mask = ((mode & ACCESS_R) ? MAY_READ : 0) | ((mode & ACCESS_W) ? MAY_WRITE : 0) |
			   ((mode & ACCESS_X) ? MAY_EXEC : 0);
		r = inode_permission_as(inode, mask, uid, gid, uid == 0);
	}
	inode_put(inode);
	return r;
}

long sys_faccessat(int dirfd, const char *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

long sys_access(const char *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}
