/*
 * Changing an inode's attributes: chmod, chown and the times (utimensat).
 * The VFS checks the caller's right, updates the struct inode under its
 * lock, sets ctime, and asks the filesystem to record the change
 * (super_ops->write_inode).
 */
#include <errno.h>
#include <fs/vfs.h>
#include <proc/cred.h>
#include <proc/process.h>
#include <proc/task.h>

static struct process *caller(void)
{
	return current ? current->proc : NULL;
}

static int write_back(struct inode *inode)
{
	if (inode->sb && inode->sb->ops && inode->sb->ops->write_inode)
		return inode->sb->ops->write_inode(inode);
	return 0;
}

int vfs_chmod(struct inode *inode, uint32_t mode)
{
	if (inode_readonly(inode))
		return -EROFS;
	if (!vfs_is_owner(inode))
		return -EPERM;
	struct process *p = caller();
	mode &= 07777;
	/* Someone not in the file's group cannot make it set-group-ID (POSIX). */
	if (!cred_fs_root(p) && !cred_in_group(p, inode->gid))
		mode &= ~S_ISGID;
	inode_lock(inode);
	inode->mode = (inode->mode & S_IFMT) | mode;
	inode->ctime = vfs_now();
	int err = write_back(inode);
	inode_unlock(inode);
	return err;
}

int vfs_chown(struct inode *inode, uint32_t uid, uint32_t gid)
{
	if (inode_readonly(inode))
		return -EROFS;
	struct process *p = caller();
	bool root = cred_fs_root(p);
	if (uid != (uint32_t)-1 && uid != inode->uid && !root)
		return -EPERM;
	if (gid != (uint32_t)-1 && gid != inode->gid && !root &&
	    (inode->uid != p->fsuid || !cred_in_group(p, gid)))
		return -EPERM;
	if (!root && inode->uid != p->fsuid && (uid != (uint32_t)-1 || gid != (uint32_t)-1))
		return -EPERM;
	inode_lock(inode);
	if (uid != (uint32_t)-1)
		inode->uid = uid;
	if (gid != (uint32_t)-1)
		inode->gid = gid;
	/* A change of owner clears set-user-ID and (with group execute) set-group-ID. */
	if (!S_ISDIR(inode->mode) && (uid != (uint32_t)-1 || gid != (uint32_t)-1)) {
		inode->mode &= ~S_ISUID;
		if (inode->mode & S_IXGRP)
			inode->mode &= ~S_ISGID;
	}
	inode->ctime = vfs_now();
	int err = write_back(inode);
	inode_unlock(inode);
	return err;
}

int vfs_utimes(struct inode *inode, const struct timespec times[2])
{
	if (inode_readonly(inode))
		return -EROFS;
	struct timespec now = vfs_now();
	bool both_now = !times || (times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW);
	bool both_omit = times && times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT;
	if (both_omit)
		return 0;
	if (times) {
		for (int i = 0; i < 2; i++) {
			long ns = times[i].tv_nsec;
			if (ns != UTIME_NOW && ns != UTIME_OMIT && (ns < 0 || ns > 999999999))
				return -EINVAL;
		}
	}
	/* Setting "now" needs ownership or write permission; explicit times need ownership. */
	if (!vfs_is_owner(inode)) {
		if (!both_now)
			return -EPERM;
		int err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	inode_lock(inode);
	for (int i = 0; i < 2; i++) {
		struct timespec t = now;
		if (times && times[i].tv_nsec == UTIME_OMIT)
			continue;
		if (times && times[i].tv_nsec != UTIME_NOW)
			t = times[i];
		if (i == 0)
			inode->atime = t;
		else
			inode->mtime = t;
	}
	inode->ctime = now;
	int err = write_back(inode);
	inode_unlock(inode);
	return err;
}
