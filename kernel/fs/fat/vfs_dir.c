/*
 * FAT32 directories in the VFS: lookup, readdir, create, mkdir, unlink,
 * rmdir and rename. FAT has no hard links, symlinks or device nodes, so
 * link, symlink and mknod stay NULL (-EPERM, as Linux's vfat). Readdir
 * cookies: 0 is ".", 1 is "..", then 2 + the byte offset of an entry.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <uapi/dirent.h>

#include "fat_vfs.h"

/* After a change in dir: its times, and its size if it grew. Lock held. */
static void touch_dir(struct inode *dir)
{
	dir->mtime = dir->ctime = vfs_now();
	dir->size = FAT_I(dir)->node.size;
}

static int fat_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct fat_mount *m = FAT_MNT(dir->sb);
	if (!strcmp(name, "..")) {
		struct inode *p = FAT_I(dir)->parent;
		*out = inode_get(p ? p : dir);
		return 0;
	}
	struct fat_dir_entry *e = kmalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	fat_lock(m);
	int err = fat_dir_find(&m->fs, &FAT_I(dir)->node, name, strlen(name), e);
	if (!err)
		err = fat_iget(m, dir, e, out);
	fat_unlock(m);
	kfree(e);
	return err;
}

static int fat_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct fat_mount *m = FAT_MNT(dir->sb);
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *p = FAT_I(dir)->parent ? FAT_I(dir)->parent : dir;
		if (!dir_emit(ctx, "..", 2, p->ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	struct fat_dir_entry *e = kmalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	int r;
	for (;;) {
		if (ctx->pos < 2 || ctx->pos - 2 > (int64_t)UINT32_MAX) {
			r = 0;
			break;
		}
		uint32_t pos = (uint32_t)(ctx->pos - 2);
		fat_lock(m);
		r = fat_dir_next(&m->fs, &FAT_I(dir)->node, &pos, e);
		fat_unlock(m);
		if (r <= 0)
			break;
		if (e->de.name[0] != '.') {
			unsigned type = e->de.attr & FAT_ATTR_DIR ? DT_DIR : DT_REG;
			if (!dir_emit(ctx, e->name, e->name_len, fat_ino(m, e->sector, e->offset),
				      type))
				break;
		}
		ctx->pos = (int64_t)pos + 2;
	}
	kfree(e);
	return r < 0 ? r : 0;
}

static int fat_create(struct inode *dir, const char *name, uint32_t mode, struct inode **out)
{
	struct fat_mount *m = FAT_MNT(dir->sb);
	struct fat_dir_entry *e = kmalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	struct fat_dirent tmpl;
	fat_new_dirent(&tmpl, FAT_ATTR_ARCH | ((mode & 0222) ? 0 : FAT_ATTR_RO));
	fat_lock(m);
	int err = FAT_I(dir)->unlinked ? -ENOENT
				       : fat_dir_add(&m->fs, &FAT_I(dir)->node, name, strlen(name),
						     &tmpl, e);
	if (!err)
		err = fat_iget(m, dir, e, out);
	if (!err)
		touch_dir(dir);
	fat_unlock(m);
	kfree(e);
	return err;
}

static int fat_mkdir(struct inode *dir, const char *name, uint32_t mode)
{
	struct fat_mount *m = FAT_MNT(dir->sb);
	struct fat_dir_entry *e = kmalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	struct fat_dirent tmpl;
	fat_new_dirent(&tmpl, FAT_ATTR_DIR | ((mode & 0222) ? 0 : FAT_ATTR_RO));
	fat_lock(m);
	int err = FAT_I(dir)->unlinked ? -ENOENT
				       : fat_dir_find(&m->fs, &FAT_I(dir)->node, name, strlen(name), e);
	if (err != -ENOENT || FAT_I(dir)->unlinked) {
		err = err ? err : -EEXIST;
		goto out;
	}
	uint32_t clus;
	err = fat_alloc(&m->fs, 0, &clus);
	if (err)
		goto out;
	err = fat_dir_init(&m->fs, clus, fat_parent_cluster(m, dir), &tmpl);
	if (!err) {
		fat_dirent_set_start(&tmpl, clus);
		err = fat_dir_add(&m->fs, &FAT_I(dir)->node, name, strlen(name), &tmpl, e);
	}
	if (err)
		fat_free_chain(&m->fs, clus);
	else
		touch_dir(dir);
out:
	fat_unlock(m);
	kfree(e);
	return err;
}

/*
 * Takes entry e out of directory dir: a live inode becomes unlinked (its
 * clusters go when it does), otherwise the clusters are freed now. Lock held.
 */
static int drop_entry(struct fat_mount *m, struct inode *dir, const struct fat_dir_entry *e)
{
	int err = fat_dir_remove(&m->fs, &FAT_I(dir)->node, e);
	if (err)
		return err;
	struct inode *live = fat_ilookup(m, e->sector, e->offset);
	if (live) {
		fat_irehash(m, live, 0, 0);
		live->nlink = 0;
		return 0;
	}
	uint32_t start = fat_dirent_start(&e->de);
	return start ? fat_free_chain(&m->fs, start) : 0;
}

/* Checks that e (a directory) is empty. Lock held. */
static int dir_entry_empty(struct fat_mount *m, const struct fat_dir_entry *e)
{
	struct fat_node n = {.start = fat_dirent_start(&e->de), .dir = true};
	uint32_t len;
	if (!fat_cluster_ok(&m->fs, n.start))
		return fat_fs_error(&m->fs, "a directory's first cluster is out of range");
	int err = fat_chain_length(&m->fs, n.start, &len);
	if (err)
		return err;
	n.size = len * m->fs.cluster_size;
	int r = fat_dir_empty(&m->fs, &n);
	return r < 0 ? r : r ? 0 : -ENOTEMPTY;
}

static int remove_name(struct inode *dir, const char *name, bool want_dir)
{
	struct fat_mount *m = FAT_MNT(dir->sb);
	struct fat_dir_entry *e = kmalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	fat_lock(m);
	int err = fat_dir_find(&m->fs, &FAT_I(dir)->node, name, strlen(name), e);
	bool is_dir = e->de.attr & FAT_ATTR_DIR;
	if (!err && is_dir != want_dir)
		err = want_dir ? -ENOTDIR : -EISDIR;
	if (!err && is_dir)
		err = dir_entry_empty(m, e);
	if (!err)
		err = drop_entry(m, dir, e);
	if (!err)
		touch_dir(dir);
	fat_unlock(m);
	kfree(e);
	return err;
}

static int fat_unlink(struct inode *dir, const char *name)
{
	return remove_name(dir, name, false);
}

static int fat_rmdir(struct inode *dir, const char *name)
{
	return remove_name(dir, name, true);
}

/* Whether directory inode anc is dir or one of its ancestors. Lock held. */
static bool is_ancestor(struct inode *anc, struct inode *dir)
{
	for (struct inode *d = dir; d; d = FAT_I(d)->parent) {
		if (d == anc)
			return true;
	}
	return false;
}

static int fat_rename(struct inode *old_dir, const char *old_name, struct inode *new_dir,
		      const char *new_name)
{
	struct fat_mount *m = FAT_MNT(old_dir->sb);
	if (new_dir->sb != old_dir->sb)
		return -EXDEV;
	struct fat_dir_entry *e = kmalloc(2 * sizeof(*e));
	if (!e)
		return -ENOMEM;
	struct fat_dir_entry *src = &e[0], *dst = &e[1];
	struct inode *moved = NULL, *put = NULL;
	size_t new_len = strlen(new_name);
	fat_lock(m);
	int err = FAT_I(new_dir)->unlinked ? -ENOENT
		  : fat_dir_find(&m->fs, &FAT_I(old_dir)->node, old_name, strlen(old_name), src);
	if (err)
		goto out;
	bool is_dir = src->de.attr & FAT_ATTR_DIR;
	if (is_dir) {
		/* The directory's inode carries ".." (its parent): get it to move it. */
		err = fat_iget(m, old_dir, src, &moved);
		if (err)
			goto out;
		if (is_ancestor(moved, new_dir)) {
			err = -EINVAL;
			goto out;
		}
	}
	err = fat_dir_find(&m->fs, &FAT_I(new_dir)->node, new_name, new_len, dst);
	bool same = !err && dst->sector == src->sector && dst->offset == src->offset;
	if (!err && !same) {
		bool dst_dir = dst->de.attr & FAT_ATTR_DIR;
		if (is_dir && !dst_dir)
			err = -ENOTDIR;
		else if (!is_dir && dst_dir)
			err = -EISDIR;
		else if (dst_dir)
			err = dir_entry_empty(m, dst);
		if (!err)
			err = drop_entry(m, new_dir, dst);
		if (err)
			goto out;
	} else if (err == -ENOENT || same) {
		if (same && src->name_len == new_len && !memcmp(src->name, new_name, new_len))
			goto out; /* the same name: nothing to do */
		err = 0;
	} else {
		goto out;
	}
	/* Out of the old directory, into the new one (which may be the same). */
	struct fat_dirent tmpl = src->de;
	err = fat_dir_remove(&m->fs, &FAT_I(old_dir)->node, src);
	if (!err)
		err = fat_dir_add(&m->fs, &FAT_I(new_dir)->node, new_name, new_len, &tmpl, dst);
	if (err) {
		/* Put the old name back if there is still room for it (best effort). */
		if (fat_dir_add(&m->fs, &FAT_I(old_dir)->node, src->name, src->name_len, &tmpl,
				dst) == 0)
			src->sector = dst->sector, src->offset = dst->offset;
		goto out;
	}
	struct inode *live = moved ? moved : fat_ilookup(m, src->sector, src->offset);
	if (live)
		fat_irehash(m, live, dst->sector, dst->offset);
	if (moved && new_dir != old_dir) {
		err = fat_dir_set_parent(&m->fs, &FAT_I(moved)->node, fat_parent_cluster(m, new_dir));
		put = FAT_I(moved)->parent;
		FAT_I(moved)->parent = inode_get(new_dir);
	}
	touch_dir(old_dir);
	touch_dir(new_dir);
out:
	fat_unlock(m);
	kfree(e);
	if (moved)
		inode_put(moved);
	if (put)
		inode_put(put);
	return err;
}

static int fat_vfs_truncate(struct inode *inode, uint64_t size)
{
	struct fat_mount *m = FAT_MNT(inode->sb);
	fat_lock(m);
	int err = fat_truncate(&m->fs, &FAT_I(inode)->node, size);
	inode->mtime = inode->ctime = vfs_now();
	int werr = fat_write_entry(m, inode);
	fat_unlock(m);
	return err ? err : werr;
}

const struct inode_ops fat_dir_iops = {
	.lookup = fat_lookup,
	.create = fat_create,
	.mkdir = fat_mkdir,
	.unlink = fat_unlink,
	.rmdir = fat_rmdir,
	.rename = fat_rename,
};

const struct inode_ops fat_file_iops = {
	.truncate = fat_vfs_truncate,
};

const struct file_ops fat_dir_fops = {
	.readdir = fat_readdir,
};
