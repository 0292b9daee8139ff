/*
 * open(2) behind the system call: resolving or creating the file, the checks
 * on what was found, O_TRUNC, and opening the inode (fs/file.c).
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/vfs.h>
#include <lib/string.h>

/*
 * The O_CREAT half of open: finds the last component in its directory or
 * creates it as a regular file. An existing symlink is followed unless
 * O_EXCL (then it exists) or O_NOFOLLOW (-ELOOP).
 *
 * FIXME: Linux creates the target of a dangling symlink; this gives -ENOENT.
 */
static int open_create(struct inode *base, const char *path, int flags, uint32_t mode,
                       struct inode **out, bool *created)
{
	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	if (!pp.name[0] || !strcmp(pp.name, ".") || !strcmp(pp.name, "..") || pp.trailing_slash) {
		err = -EISDIR;
		goto out;
	}
	if (!ops || !ops->lookup) {
		err = -ENOTDIR;
		goto out;
	}

	for (int tries = 0;; tries++) {
		struct inode *inode;
		err = dcache_lookup(pp.dir, pp.name, &inode);
		if (!err) {
			if (flags & O_EXCL) {
				inode_put(inode);
				err = -EEXIST;
			} else if (S_ISLNK(inode->mode)) {
				inode_put(inode);
				if (flags & O_NOFOLLOW)
					err = -ELOOP;
				else
					err = vfs_lookup_at(base, path, LOOKUP_FOLLOW, out);
			} else {
				*out = inode;
			}
			break;
		}
		if (err != -ENOENT)
			break;
		err = inode_permission(pp.dir, MAY_WRITE | MAY_EXEC);
		if (err)
			break;
		if (!ops->create) {
			err = -EPERM;
			break;
		}
		err = ops->create(pp.dir, pp.name, S_IFREG | (mode & 07777 & ~vfs_current_umask()),
		                  out);
		dcache_invalidate(pp.dir, pp.name);
		/* Someone else created it between the lookup and here: open theirs. */
		if (err == -EEXIST && !(flags & O_EXCL) && tries == 0)
			continue;
		*created = !err;
		break;
	}
out:
	vfs_parent_put(&pp);
	return err;
}

/*
 * The access an open of an existing file asks for: read and/or write as the
 * access mode says, write for O_TRUNC. A file the open just created is
 * opened whatever its mode, as POSIX says.
 */
static int open_permission(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE, mask = 0;
	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	return inode_permission(inode, mask);
}

int vfs_open_at(struct inode *base, const char *path, int flags, uint32_t mode, struct file **out)
{
	struct inode *inode;
	bool created = false;
	int err;

	if (flags & O_CREAT)
		err = open_create(base, path, flags, mode, &inode, &created);
	else
		err = vfs_lookup_at(base, path, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &inode);
	if (err)
		return err;

	int acc = flags & O_ACCMODE;
	if (S_ISLNK(inode->mode)) {
		/* Only reachable with O_NOFOLLOW. FIXME: O_PATH opens the link itself. */
		err = -ELOOP;
	} else if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode)) {
		err = -ENOTDIR;
	} else if (S_ISDIR(inode->mode) &&
	           (acc == O_WRONLY || acc == O_RDWR || (flags & O_CREAT))) {
		err = -EISDIR;
	} else if ((S_ISCHR(inode->mode) || S_ISBLK(inode->mode)) && inode->sb &&
	           (inode->sb->flags & SB_NODEV)) {
		err = -EACCES; /* a device node on a nodev mount */
	} else if (!created && (err = open_permission(inode, flags)) != 0) {
		/* err says why */
	} else if ((flags & O_TRUNC) && S_ISREG(inode->mode)) {
		/* As in Linux, O_TRUNC truncates whatever the access mode. */
		err = vfs_truncate(inode, 0);
	}
	if (!err)
		err = vfs_open_inode(inode, flags, out);
	if (!err)
		(*out)->path = vfs_absolute_path(base, path); /* for /proc/PID/fd; may be NULL */
	inode_put(inode);
	return err;
}
