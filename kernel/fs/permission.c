/*
 * File permission checks: the owner/group/other bits against the caller's
 * filesystem ids (proc/cred.h), root's override, and the sticky-directory
 * rule. Kernel threads pass every check.
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

int inode_permission_as(struct inode *inode, int mask, uint32_t uid, uint32_t gid, bool root)
{
	if ((mask & MAY_WRITE) && inode_readonly(inode) &&
	    (S_ISREG(inode->mode) || S_ISDIR(inode->mode) || S_ISLNK(inode->mode)))
		return -EROFS;
	if (root) {
		/* Root reads and writes anything; it executes a file only if someone may. */
		if (!(mask & MAY_EXEC) || S_ISDIR(inode->mode) || (inode->mode & 0111))
			return 0;
		return -EACCES;
	}
	unsigned bits;
	struct process *p = caller();
	if (inode->uid == uid)
		bits = (inode->mode >> 6) & 7;
	else if (inode->gid == gid || (p && cred_in_group(p, inode->gid)))
		bits = (inode->mode >> 3) & 7;
	else
		bits = inode->mode & 7;
	return (bits & mask) == (unsigned)mask ? 0 : -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	struct process *p = caller();
	if (!p)
		return inode_permission_as(inode, mask, 0, 0, true);
	return inode_permission_as(inode, mask, p->fsuid, p->fsgid, cred_fs_root(p));
}

bool vfs_is_owner(const struct inode *inode)
{
	struct process *p = caller();
	return cred_fs_root(p) || inode->uid == p->fsuid;
}

int vfs_may_delete(struct inode *dir, struct inode *victim)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (!(dir->mode & S_ISVTX))
		return 0;
	struct process *p = caller();
	if (cred_fs_root(p) || victim->uid == p->fsuid || dir->uid == p->fsuid)
		return 0;
	return -EPERM;
}
