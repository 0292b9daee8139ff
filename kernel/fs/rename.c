/*
 * rename(2) in the VFS: resolve both parents, judge the names and types the
 * way Linux does, refuse to move a directory under itself, and hand the
 * change to the filesystem's rename op.
 */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>

/* The most ".." steps taken looking for a directory's ancestors; a deeper chain is a loop. */
#define MAX_DEPTH 4096

/* True for the names rename cannot use: "" (the path was "/"), "." and "..". */
static bool is_dot_name(const char *name)
{
	return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

/*
 * Whether dir is inside (or is) the directory anc, following ".." up to the
 * root of dir's filesystem. 0 (no), 1 (yes) or -Exxx (-ELOOP on a loop).
 */
static int is_under(struct inode *dir, struct inode *anc)
{
	struct inode *cur = inode_get(dir);
	int ret = 0;
	for (int depth = 0;; depth++) {
		if (cur == anc) {
			ret = 1;
			break;
		}
		if (cur == cur->sb->root || cur == vfs_root() || !cur->iops || !cur->iops->lookup)
			break;
		if (depth == MAX_DEPTH) {
			ret = -ELOOP;
			break;
		}
		struct inode *up;
		ret = cur->iops->lookup(cur, "..", &up);
		if (ret)
			break;
		inode_put(cur);
		if (up == cur) {
			cur = up;
			break;
		}
		cur = up;
	}
	inode_put(cur);
	return ret;
}

/* Whether some filesystem is mounted on inode. */
static bool is_mountpoint(struct inode *inode)
{
	struct inode *i = inode_get(inode);
	struct inode *crossed = mount_cross_down(i);
	bool covered = crossed != inode;
	inode_put(crossed);
	return covered;
}

/*
 * Whether the caller may move src out of old_dir into new_dir (replacing
 * tgt, which may be NULL): removal rights on both names (fs/permission.c's
 * vfs_may_delete, with the sticky rule), creation rights in new_dir, and
 * write permission on a directory that changes parent (its ".." changes).
 */
static int rename_permission(struct inode *old_dir, struct inode *src, struct inode *new_dir,
			     struct inode *tgt)
{
	int err = vfs_may_delete(old_dir, src);
	if (!err)
		err = tgt ? vfs_may_delete(new_dir, tgt) : inode_permission(new_dir, MAY_WRITE | MAY_EXEC);
	if (!err && S_ISDIR(src->mode) && old_dir != new_dir)
		err = inode_permission(src, MAY_WRITE);
	return err;
}

int vfs_rename(struct inode *old_base, const char *old_path, struct inode *new_base,
	       const char *new_path, unsigned flags)
{
	if (flags & ~(unsigned)(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if (flags & (RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL; /* FIXME: exchange and whiteouts are not supported */
	struct vfs_parent op, np;
	struct inode *src = NULL, *tgt = NULL;
	int err = vfs_lookup_parent(old_base, old_path, &op);
	if (err)
		return err;
	err = vfs_lookup_parent(new_base, new_path, &np);
	if (err)
		goto out_put_old;
	if (op.dir->sb != np.dir->sb) {
		err = -EXDEV;
		goto out_put_new;
	}
	if (is_dot_name(op.name) || is_dot_name(np.name)) {
		err = (flags & RENAME_NOREPLACE) && !is_dot_name(op.name) ? -EEXIST : -EBUSY;
		goto out_put_new;
	}
	const struct inode_ops *ops = op.dir->iops;
	if (!ops || !ops->lookup) {
		err = -ENOTDIR;
		goto out_put_new;
	}
	err = dcache_lookup(op.dir, op.name, &src);
	if (err)
		goto out_put_new;
	bool is_dir = S_ISDIR(src->mode);
	if (!is_dir && (op.trailing_slash || np.trailing_slash)) {
		err = -ENOTDIR;
		goto out_put_new;
	}
	err = dcache_lookup(np.dir, np.name, &tgt);
	if (err && err != -ENOENT)
		goto out_put_new;
	err = 0;
	if (tgt) {
		if (flags & RENAME_NOREPLACE)
			err = -EEXIST;
		else if (tgt == src)
			goto out_put_new; /* one inode under both names: nothing happens */
		else if (is_dir && !S_ISDIR(tgt->mode))
			err = -ENOTDIR;
		else if (!is_dir && S_ISDIR(tgt->mode))
			err = -EISDIR;
		else if (is_mountpoint(tgt))
			err = -EBUSY;
		if (err)
			goto out_put_new;
	}
	if (is_dir) {
		if (is_mountpoint(src) || src == src->sb->root) {
			err = -EBUSY;
			goto out_put_new;
		}
		err = is_under(np.dir, src);
		if (err) {
			err = err > 0 ? -EINVAL : err;
			goto out_put_new;
		}
	}
	err = rename_permission(op.dir, src, np.dir, tgt);
	if (err)
		goto out_put_new;
	if (inode_readonly(op.dir))
		err = -EROFS;
	else if (!ops->rename)
		err = -EPERM;
	else {
		err = ops->rename(op.dir, op.name, np.dir, np.name);
		dcache_invalidate(op.dir, op.name);
		dcache_invalidate(np.dir, np.name);
		if (!err && tgt && S_ISDIR(tgt->mode))
			dcache_forget_dir(tgt); /* the directory moved over is gone */
	}
out_put_new:
	if (tgt)
		inode_put(tgt);
	if (src)
		inode_put(src);
	vfs_parent_put(&np);
out_put_old:
	vfs_parent_put(&op);
	return err;
}
