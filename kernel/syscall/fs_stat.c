/*
 * File system calls, part two: stat and friends, directory listing, and the
 * working directory.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uaccess.h>
#include <uapi/dirent.h>
#include <uapi/statx.h>

#include "fs_common.h"

/* getdents64 fills at most this much per call through a kernel buffer. */
#define GETDENTS_MAX_BUF (64 * 1024)

static long stat_to_user(struct inode *inode, struct stat *ubuf)
{
	struct stat st;
	vfs_stat(inode, &st);
	return copy_to_user(ubuf, &st, sizeof(st));
}

long sys_fstat(int fd, struct stat *statbuf)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->inode ? stat_to_user(f->inode, statbuf) : -EBADF;
	file_put(f);
	return r;
}

long sys_newfstatat(int dirfd, const char *upath, struct stat *statbuf, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	struct inode *inode;
	long r = fs_resolve_at(dirfd, upath, flags, &inode);
	if (r)
		return r;
	r = stat_to_user(inode, statbuf);
	inode_put(inode);
	return r;
}

static struct statx_timestamp statx_time(struct timespec ts)
{
	return (struct statx_timestamp){.tv_sec = ts.tv_sec, .tv_nsec = (uint32_t)ts.tv_nsec};
}

/* statx(2): everything stat(2) knows, whatever the mask asks (Linux may return more). */
long sys_statx(int dirfd, const char *upath, int flags, unsigned int mask, struct statx *ubuf)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	struct inode *inode;
	long r = fs_resolve_at(dirfd, upath, flags, &inode);
	if (r)
		return r;
	struct stat st;
	vfs_stat(inode, &st);
	inode_put(inode);
	struct statx sx = {
	    .stx_mask = STATX_BASIC_STATS,
	    .stx_blksize = (uint32_t)st.st_blksize,
	    .stx_nlink = (uint32_t)st.st_nlink,
	    .stx_uid = st.st_uid,
	    .stx_gid = st.st_gid,
	    .stx_mode = (uint16_t)st.st_mode,
	    .stx_ino = st.st_ino,
	    .stx_size = (uint64_t)st.st_size,
	    .stx_blocks = (uint64_t)st.st_blocks,
	    .stx_atime = statx_time(st.st_atim),
	    .stx_ctime = statx_time(st.st_ctim),
	    .stx_mtime = statx_time(st.st_mtim),
	    .stx_rdev_major = vfs_dev_major(st.st_rdev),
	    .stx_rdev_minor = vfs_dev_minor(st.st_rdev),
	    .stx_dev_major = vfs_dev_major(st.st_dev),
	    .stx_dev_minor = vfs_dev_minor(st.st_dev),
	};
	return copy_to_user(ubuf, &sx, sizeof(sx));
}

long sys_stat(const char *path, struct stat *statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, 0);
}

long sys_lstat(const char *path, struct stat *statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
}

/* Packs linux_dirent64 records into a kernel buffer. */
struct getdents_buf {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	struct dirent64 *prev; /* its d_off is known when the next entry comes */
	bool full;
};

static bool getdents_actor(struct dir_context *ctx, const char *name, size_t namelen, uint64_t ino,
                           unsigned type)
{
	struct getdents_buf *g = container_of(ctx, struct getdents_buf, ctx);
	size_t reclen = ALIGN_UP(offsetof(struct dirent64, d_name) + namelen + 1, 8);
	if (reclen > g->size - g->used) {
		g->full = true;
		return false;
	}
	if (g->prev)
		g->prev->d_off = ctx->pos;
	struct dirent64 *d = (struct dirent64 *)(g->buf + g->used);
	memset(d, 0, reclen);
	d->d_ino = ino;
	d->d_off = 0;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)type;
	memcpy(d->d_name, name, namelen);
	g->prev = d;
	g->used += reclen;
	return true;
}

long sys_getdents64(int fd, struct dirent64 *dirp, unsigned int count)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	struct getdents_buf g = {
	    .ctx.actor = getdents_actor,
	    .size = MIN((size_t)count, (size_t)GETDENTS_MAX_BUF),
	};
	long r = -ENOMEM;
	g.buf = kmalloc(g.size);
	if (!g.buf)
		goto out_put;
	r = vfs_readdir(f, &g.ctx);
	if (g.prev)
		g.prev->d_off = g.ctx.pos;
	if (r < 0 && !g.used)
		goto out_free;
	if (!g.used && g.full) {
		r = -EINVAL; /* not even one entry fits */
		goto out_free;
	}
	r = copy_to_user(dirp, g.buf, g.used);
	if (r == 0)
		r = (long)g.used;
out_free:
	kfree(g.buf);
out_put:
	file_put(f);
	return r;
}

long sys_getcwd(char *buf, size_t size)
{
	struct inode *cwd = vfs_current_cwd();
	if (!cwd)
		return -ENOENT;
	long r = -ENOMEM;
	char *kbuf = kmalloc(PATH_MAX);
	if (!kbuf)
		goto out_put;
	r = vfs_path_of(cwd, kbuf, MIN(size, (size_t)PATH_MAX));
	if (r > 0 && copy_to_user(buf, kbuf, (size_t)r) < 0)
		r = -EFAULT;
	kfree(kbuf);
out_put:
	inode_put(cwd);
	return r;
}

/* Makes dir the caller's working directory: a directory it may search. */
static long change_cwd(struct inode *dir)
{
	struct process *proc = current_proc();
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	long r = inode_permission(dir, MAY_EXEC);
	if (!r && proc)
		vfs_set_cwd(proc, dir);
	return r;
}

long sys_chdir(const char *upath)
{
	struct inode *dir;
	long r = fs_resolve_at(AT_FDCWD, upath, 0, &dir);
	if (r)
		return r;
	r = change_cwd(dir);
	inode_put(dir);
	return r;
}

long sys_fchdir(int fd)
{
	struct file *f = fs_fd_get(fd);
	if (!f)
		return -EBADF;
	long r = f->inode ? change_cwd(f->inode) : -ENOTDIR;
	file_put(f);
	return r;
}

long sys_chroot(const char *upath)
{
	struct process *proc = current_proc();
	if (proc->euid != 0)
		return -EPERM;
	struct inode *dir;
	long r = fs_resolve_at(AT_FDCWD, upath, 0, &dir);
	if (r)
		return r;
	if (!S_ISDIR(dir->mode))
		r = -ENOTDIR;
	else
		r = inode_permission(dir, MAY_EXEC);
	if (!r)
		vfs_set_proc_root(proc, dir);
	inode_put(dir);
	return r;
}
