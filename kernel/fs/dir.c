/*
 * The directory layer: the calls that add and remove names (mkdir, mknod,
 * unlink, rmdir, symlink, link) and read symlinks. Each resolves the parent
 * directory with vfs_lookup_parent(), judges the special names the way
 * Linux does ("/", "." and "..", a trailing slash), applies the umask and
 * hands the rest to the directory's inode ops; a NULL op gives -EPERM.
 * Changes need write and search permission on the directory (and the
 * sticky rule for removals); on a read-only filesystem they are -EROFS.
 * After the filesystem has been asked to change a name, the name is
 * invalidated in the dentry cache (fs/dcache.h), whatever the answer.
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>

/* Adding a name to dir needs write and search permission on it. */
static int may_create(struct inode *dir)
{
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * Removing name from dir: vfs_may_delete() on the entry, or the lookup's
 * error. On success *victim holds a reference to the entry's inode.
 */
static int may_remove(struct inode *dir, const char *name, struct inode **victim)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	err = dcache_lookup(dir, name, victim);
	if (err)
		return err;
	err = vfs_may_delete(dir, *victim);
	if (err)
		inode_put(*victim);
	return err;
}

/* True for the names a create cannot use: "" (the path was "/"), "." and "..". */
static bool is_dot_name(const char *name)
{
	return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

int vfs_mkdir(struct inode *base, const char *path, uint32_t mode)
{
	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	if (is_dot_name(pp.name))
		err = -EEXIST;
	else if ((err = may_create(pp.dir)) != 0)
		;
	else if (!ops || !ops->mkdir)
		err = -EPERM;
	else {
		err = ops->mkdir(pp.dir, pp.name, S_IFDIR | (mode & 01777 & ~vfs_current_umask()));
		dcache_invalidate(pp.dir, pp.name);
	}
	vfs_parent_put(&pp);
	return err;
}

int vfs_mknod(struct inode *base, const char *path, uint32_t mode, uint64_t rdev)
{
	uint32_t type = mode & S_IFMT;
	if (type == 0)
		type = S_IFREG;
	if (type == S_IFDIR)
		return -EPERM;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO &&
	    type != S_IFSOCK)
		return -EINVAL;

	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	mode = type | (mode & 07777 & ~vfs_current_umask());
	if (is_dot_name(pp.name)) {
		err = -EEXIST;
	} else if (pp.trailing_slash) {
		err = -ENOENT;
	} else if ((err = may_create(pp.dir)) != 0) {
		/* err says why */
	} else if (type == S_IFREG) {
		struct inode *inode;
		err = ops && ops->create ? ops->create(pp.dir, pp.name, mode, &inode) : -EPERM;
		if (!err)
			inode_put(inode);
		dcache_invalidate(pp.dir, pp.name);
	} else {
		err = ops && ops->mknod ? ops->mknod(pp.dir, pp.name, mode, rdev) : -EPERM;
		dcache_invalidate(pp.dir, pp.name);
	}
	vfs_parent_put(&pp);
	return err;
}

int vfs_unlink(struct inode *base, const char *path)
{
	struct inode *victim;
	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	if (is_dot_name(pp.name)) {
		err = -EISDIR;
	} else if (pp.trailing_slash) {
		/* "name/": a directory is refused as such, anything else is not a directory. */
		struct inode *child;
		err = dcache_lookup(pp.dir, pp.name, &child);
		if (!err) {
			err = S_ISDIR(child->mode) ? -EISDIR : -ENOTDIR;
			inode_put(child);
		}
	} else if ((err = may_remove(pp.dir, pp.name, &victim)) != 0) {
		/* err says why */
	} else {
		err = ops && ops->unlink ? ops->unlink(pp.dir, pp.name) : -EPERM;
		dcache_invalidate(pp.dir, pp.name);
		inode_put(victim);
	}
	vfs_parent_put(&pp);
	return err;
}

int vfs_rmdir(struct inode *base, const char *path)
{
	struct inode *victim;
	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	if (!pp.name[0])
		err = -EBUSY;
	else if (!strcmp(pp.name, "."))
		err = -EINVAL;
	else if (!strcmp(pp.name, ".."))
		err = -ENOTEMPTY;
	else if ((err = may_remove(pp.dir, pp.name, &victim)) != 0)
		;
	else {
		err = ops && ops->rmdir ? ops->rmdir(pp.dir, pp.name) : -EPERM;
		dcache_invalidate(pp.dir, pp.name);
		if (!err) /* its negative entries would keep the removed directory alive */
			dcache_forget_dir(victim);
		inode_put(victim);
	}
	vfs_parent_put(&pp);
	return err;
}

int vfs_symlink(struct inode *base, const char *target, const char *path)
{
	size_t tlen = strnlen(target, PATH_MAX);
	if (tlen == 0)
		return -ENOENT;
	if (tlen >= PATH_MAX)
		return -ENAMETOOLONG;

	struct vfs_parent pp;
	int err = vfs_lookup_parent(base, path, &pp);
	if (err)
		return err;
	const struct inode_ops *ops = pp.dir->iops;
	if (is_dot_name(pp.name))
		err = -EEXIST;
	else if (pp.trailing_slash)
		err = -ENOENT;
	else if ((err = may_create(pp.dir)) != 0)
		;
	else {
		err = ops && ops->symlink ? ops->symlink(pp.dir, pp.name, target) : -EPERM;
		dcache_invalidate(pp.dir, pp.name);
	}
	vfs_parent_put(&pp);
	return err;
}

int vfs_link(struct inode *base, const char *old_path, const char *new_path)
{
	struct inode *target;
	int err = vfs_lookup_at(base, old_path, 0, &target);
	if (err)
		return err;
	if (S_ISDIR(target->mode)) {
		err = -EPERM;
		goto out_put_target;
	}

	struct vfs_parent pp;
	err = vfs_lookup_parent(base, new_path, &pp);
	if (err)
		goto out_put_target;
	const struct inode_ops *ops = pp.dir->iops;
	if (is_dot_name(pp.name))
		err = -EEXIST;
	else if (pp.trailing_slash)
		err = -ENOENT;
	else if (pp.dir->sb != target->sb)
		err = -EXDEV;
	else if ((err = may_create(pp.dir)) != 0)
		;
	else {
		err = ops && ops->link ? ops->link(pp.dir, pp.name, target) : -EPERM;
		dcache_invalidate(pp.dir, pp.name);
	}
	vfs_parent_put(&pp);
out_put_target:
	inode_put(target);
	return err;
}

int vfs_readlink(struct inode *base, const char *path, char *buf, size_t size)
{
	struct inode *link;
	int err = vfs_lookup_at(base, path, 0, &link);
	if (err)
		return err;
	if (!S_ISLNK(link->mode) || !link->iops || !link->iops->readlink) {
		err = -EINVAL;
		goto out_put;
	}
	err = link->iops->readlink(link, buf, size);
	if (err > 0 && (size_t)err > size)
		err = (int)size;
out_put:
	inode_put(link);
	return err;
}

int vfs_truncate(struct inode *inode, uint64_t size)
{
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	if ((int64_t)size < 0)
		return -EINVAL;
	if (inode_readonly(inode))
		return -EROFS;
	if (!inode->iops || !inode->iops->truncate)
		return -EPERM;
	return inode->iops->truncate(inode, size);
}
