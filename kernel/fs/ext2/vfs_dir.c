/*
 * ext2 in the VFS, part two: the inode ops (fs/vfs.h) of directories,
 * symlinks and regular files. Each takes the filesystem lock, calls the core
 * and writes the changed inodes back (into the block cache); an
 * inconsistency the core finds fails the call with -EIO and turns the
 * filesystem read-only (ext2_check()).
 */
#include <errno.h>
#include <lib/string.h>
#include <printk.h>
#include <proc/cred.h>
#include <uapi/stat.h>

#include "ext2_vfs.h"

#define EXT2_LINK_MAX 32000

static struct ext2_inode *raw(struct inode *inode)
{
	return &EXT2_I(inode)->raw;
}

static void touch(struct ext2_mount *m, struct ext2_inode *r, bool modified)
{
	r->i_ctime = m->fs.now;
	if (modified)
		r->i_mtime = m->fs.now;
}

/* 0 if name is absent from dir, -EEXIST if present, or the lookup's error. */
static int check_absent(struct ext2_mount *m, struct inode *dir, const char *name)
{
	uint32_t ino;
	int err = ext2_dir_lookup(&m->fs, raw(dir), name, strlen(name), &ino);
	return err == 0 ? -EEXIST : err == -ENOENT ? 0 : err;
}

static int ext2_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	ext2_lock(m);
	uint32_t ino;
	int err = ext2_dir_lookup(&m->fs, raw(dir), name, strlen(name), &ino);
	if (!err)
		err = ext2_iget(m, ino, out);
	if (!err && S_ISDIR((*out)->mode) && strcmp(name, ".") && strcmp(name, "..")) {
		/*
		 * A directory has one parent, named by its "..": anything else is a
		 * loop or a second name for a directory, which a walk must not follow.
		 */
		uint32_t up;
		if (ext2_dir_lookup(&m->fs, raw(*out), "..", 2, &up) || up != dir->ino) {
			inode_put(*out);
			err = ext2_fail(&m->fs, "a directory whose '..' is not its parent (a loop)");
		}
	}
	if (err == -EIO) {
		pr_warn("ext2: %s: corrupt directory %lu\n", m->bdev->name, dir->ino);
		if (!m->fs.failed)
			ext2_fail(&m->fs, "corrupt directory");
	}
	err = ext2_check(m, err);
	ext2_unlock(m);
	return err;
}

/* Encodes a device number in i_block as Linux does (old style when it fits). */
static void encode_dev(struct ext2_inode *r, uint64_t rdev)
{
	uint32_t major = vfs_dev_major(rdev), minor = vfs_dev_minor(rdev);
	if (major < 256 && minor < 256)
		r->i_block[0] = (major << 8) | minor;
	else
		r->i_block[1] = (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* Gives back a new inode's blocks and number after a failure. */
static void undo_new(struct ext2_mount *m, uint32_t ino, struct ext2_inode *r)
{
	r->i_links_count = 0;
	ext2_delete_inode(&m->fs, ino, r);
}

/*
 * Creates name in dir: a regular file, directory, node or symlink (target).
 * Returns the new inode referenced in *out when out is not NULL.
 */
static int make(struct inode *dir, const char *name, uint32_t mode, uint64_t rdev,
		const char *target, struct inode **out)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	bool is_dir = S_ISDIR(mode);
	uint32_t ino;
	ext2_lock(m);
	int err = check_absent(m, dir, name);
	if (err)
		goto out_unlock;
	if (is_dir && raw(dir)->i_links_count >= EXT2_LINK_MAX) {
		err = -EMLINK;
		goto out_unlock;
	}
	err = ext2_alloc_inode(&m->fs, (uint32_t)dir->ino, is_dir, &ino);
	if (err)
		goto out_unlock;
	struct ext2_inode r;
	memset(&r, 0, sizeof(r));
	r.i_mode = (uint16_t)mode;
	uint32_t uid, gid;
	cred_current_fs_ids(&uid, &gid);
	r.i_uid = (uint16_t)uid;
	r.i_gid = (uint16_t)gid;
	r.i_links_count = is_dir ? 2 : 1;
	r.i_atime = r.i_ctime = r.i_mtime = m->fs.now;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		encode_dev(&r, rdev);
	if (is_dir)
		err = ext2_dir_init(&m->fs, &r, ino, (uint32_t)dir->ino);
	else if (S_ISLNK(mode))
		err = ext2_set_symlink(&m->fs, &r, target, strlen(target));
	if (!err)
		err = ext2_write_new_inode(&m->fs, ino, &r);
	if (!err)
		err = ext2_dir_add(&m->fs, raw(dir), name, strlen(name), ino,
				   ext2_ftype(&m->fs, mode));
	if (err) {
		if (!m->fs.failed)
			undo_new(m, ino, &r);
		goto out_unlock;
	}
	if (is_dir)
		raw(dir)->i_links_count++;
	touch(m, raw(dir), true);
	err = ext2_update_inode(dir);
	if (!err && out)
		err = ext2_iget(m, ino, out);
out_unlock:
	err = ext2_check(m, err);
	ext2_unlock(m);
	return err;
}

static int ext2_create(struct inode *dir, const char *name, uint32_t mode, struct inode **out)
{
	return make(dir, name, S_IFREG | (mode & 07777), 0, NULL, out);
}

static int ext2_mkdir(struct inode *dir, const char *name, uint32_t mode)
{
	return make(dir, name, S_IFDIR | (mode & 07777), 0, NULL, NULL);
}

static int ext2_mknod(struct inode *dir, const char *name, uint32_t mode, uint64_t rdev)
{
	return make(dir, name, mode, rdev, NULL, NULL);
}

static int ext2_symlink(struct inode *dir, const char *name, const char *target)
{
	return make(dir, name, S_IFLNK | 0777, 0, target, NULL);
}

/* Looks up name in dir and returns the child referenced; lock held. */
static int child(struct ext2_mount *m, struct inode *dir, const char *name, struct inode **out)
{
	uint32_t ino;
	int err = ext2_dir_lookup(&m->fs, raw(dir), name, strlen(name), &ino);
	return err ? err : ext2_iget(m, ino, out);
}

static int ext2_unlink(struct inode *dir, const char *name)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	struct inode *c = NULL;
	uint32_t ino;
	ext2_lock(m);
	int err = child(m, dir, name, &c);
	if (err)
		goto out_unlock;
	if (S_ISDIR(c->mode)) {
		err = -EISDIR;
		goto out_unlock;
	}
	err = ext2_dir_remove(&m->fs, raw(dir), name, strlen(name), &ino);
	if (err)
		goto out_unlock;
	if (raw(c)->i_links_count)
		raw(c)->i_links_count--;
	touch(m, raw(c), false);
	err = ext2_update_inode(c);
	touch(m, raw(dir), true);
	if (!err)
		err = ext2_update_inode(dir);
out_unlock:
	err = ext2_check(m, err);
	if (c)
		inode_put(c); /* frees it when it was the last name and nothing has it open */
	ext2_unlock(m);
	return err;
}

static int ext2_rmdir(struct inode *dir, const char *name)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	struct inode *c = NULL;
	uint32_t ino;
	ext2_lock(m);
	int err = child(m, dir, name, &c);
	if (err)
		goto out_unlock;
	if (!S_ISDIR(c->mode)) {
		err = -ENOTDIR;
		goto out_unlock;
	}
	err = ext2_dir_is_empty(&m->fs, raw(c));
	if (err <= 0) {
		err = err ? err : -ENOTEMPTY;
		goto out_unlock;
	}
	err = ext2_dir_remove(&m->fs, raw(dir), name, strlen(name), &ino);
	if (err)
		goto out_unlock;
	raw(c)->i_links_count = 0;
	touch(m, raw(c), false);
	err = ext2_update_inode(c);
	if (raw(dir)->i_links_count > 2)
		raw(dir)->i_links_count--;
	touch(m, raw(dir), true);
	if (!err)
		err = ext2_update_inode(dir);
out_unlock:
	err = ext2_check(m, err);
	if (c)
		inode_put(c);
	ext2_unlock(m);
	return err;
}

static int ext2_link(struct inode *dir, const char *name, struct inode *target)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	ext2_lock(m);
	int err = check_absent(m, dir, name);
	if (!err && raw(target)->i_links_count >= EXT2_LINK_MAX)
		err = -EMLINK;
	if (!err)
		err = ext2_dir_add(&m->fs, raw(dir), name, strlen(name), (uint32_t)target->ino,
				   ext2_ftype(&m->fs, target->mode));
	if (!err) {
		raw(target)->i_links_count++;
		touch(m, raw(target), false);
		err = ext2_update_inode(target);
		touch(m, raw(dir), true);
		if (!err)
			err = ext2_update_inode(dir);
	}
	err = ext2_check(m, err);
	ext2_unlock(m);
	return err;
}

/*
 * Moves old_name in old_dir to new_name in new_dir, replacing what new_name
 * named (a directory only by an empty directory). The VFS has checked that
 * a directory does not move into itself.
 */
static int ext2_rename(struct inode *old_dir, const char *old_name, struct inode *new_dir,
		       const char *new_name)
{
	struct ext2_mount *m = EXT2_MNT(old_dir->sb);
	struct inode *src = NULL, *tgt = NULL;
	uint32_t ino;
	ext2_lock(m);
	int err = child(m, old_dir, old_name, &src);
	if (err)
		goto out_unlock;
	bool is_dir = S_ISDIR(src->mode);
	err = child(m, new_dir, new_name, &tgt);
	if (err && err != -ENOENT)
		goto out_unlock;
	uint8_t ft = ext2_ftype(&m->fs, src->mode);
	if (!err) {
		err = 0;
		if (tgt == src)
			goto out_unlock; /* two names of one inode: nothing to do */
		if (is_dir && !S_ISDIR(tgt->mode))
			err = -ENOTDIR;
		else if (!is_dir && S_ISDIR(tgt->mode))
			err = -EISDIR;
		else if (is_dir && (err = ext2_dir_is_empty(&m->fs, raw(tgt))) >= 0)
			err = err ? 0 : -ENOTEMPTY;
		if (!err)
			err = ext2_dir_set(&m->fs, raw(new_dir), new_name, strlen(new_name),
					   (uint32_t)src->ino, ft);
		if (err)
			goto out_unlock;
		if (is_dir) {
			raw(tgt)->i_links_count = 0;
			raw(new_dir)->i_links_count--; /* the target's ".." */
		} else if (raw(tgt)->i_links_count) {
			raw(tgt)->i_links_count--;
		}
		touch(m, raw(tgt), false);
		err = ext2_update_inode(tgt);
	} else {
		err = 0;
		if (is_dir && new_dir != old_dir && raw(new_dir)->i_links_count >= EXT2_LINK_MAX)
			err = -EMLINK;
		if (!err)
			err = ext2_dir_add(&m->fs, raw(new_dir), new_name, strlen(new_name),
					   (uint32_t)src->ino, ft);
	}
	if (!err)
		err = ext2_dir_remove(&m->fs, raw(old_dir), old_name, strlen(old_name), &ino);
	if (!err && is_dir && new_dir != old_dir) {
		err = ext2_dir_set(&m->fs, raw(src), "..", 2, (uint32_t)new_dir->ino,
				   ext2_ftype(&m->fs, S_IFDIR));
		raw(old_dir)->i_links_count--;
		raw(new_dir)->i_links_count++;
	}
	if (err)
		goto out_unlock;
	touch(m, raw(src), false);
	touch(m, raw(old_dir), true);
	touch(m, raw(new_dir), true);
	err = ext2_update_inode(src);
	if (!err)
		err = ext2_update_inode(old_dir);
	if (!err && new_dir != old_dir)
		err = ext2_update_inode(new_dir);
out_unlock:
	err = ext2_check(m, err);
	if (tgt)
		inode_put(tgt);
	if (src)
		inode_put(src);
	ext2_unlock(m);
	return err;
}

static int ext2_readlink_op(struct inode *inode, char *buf, size_t size)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	ext2_lock(m);
	long n = ext2_readlink(&m->fs, raw(inode), buf, size);
	if (n == -EIO)
		ext2_check(m, ext2_fail(&m->fs, "bad block number in a symlink"));
	ext2_unlock(m);
	return (int)n;
}

static int ext2_truncate_op(struct inode *inode, uint64_t size)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	ext2_lock(m);
	int err = ext2_truncate(&m->fs, raw(inode), size);
	touch(m, raw(inode), true);
	if (!err)
		err = ext2_update_inode(inode);
	err = ext2_check(m, err);
	ext2_unlock(m);
	return err;
}

const struct inode_ops ext2_dir_iops = {
	.lookup = ext2_lookup,
	.create = ext2_create,
	.mkdir = ext2_mkdir,
	.mknod = ext2_mknod,
	.unlink = ext2_unlink,
	.rmdir = ext2_rmdir,
	.symlink = ext2_symlink,
	.link = ext2_link,
	.rename = ext2_rename,
};
const struct inode_ops ext2_link_iops = {.readlink = ext2_readlink_op};
const struct inode_ops ext2_file_iops = {.truncate = ext2_truncate_op};
