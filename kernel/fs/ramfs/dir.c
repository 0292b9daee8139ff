/*
 * ramfs directories: a list of entries under the directory's inode_lock().
 * Entries keep their creation order and a cookie that only grows, so a
 * readdir position stays meaningful while entries come and go.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/wait.h>
#include <uapi/dirent.h>

#include "ramfs.h"

/* Finds name in dir; the directory is locked. */
static struct ramfs_dirent *dir_find(struct ramfs_inode *ri, const char *name)
{
	struct ramfs_dirent *d;
	size_t len = strlen(name);
	list_for_each_entry(d, &ri->entries, link)
	{
		if (d->namelen == len && !memcmp(d->name, name, len))
			return d;
	}
	return NULL;
}

static void dir_touch(struct inode *dir)
{
	struct timespec now = vfs_now();
	spin_lock(&dir->lock);
	dir->mtime = dir->ctime = now;
	spin_unlock(&dir->lock);
}

/* Adds an entry for child, taking over a reference; the directory is locked. */
static int dir_add(struct inode *dir, const char *name, struct inode *child)
{
	struct ramfs_inode *ri = RAMFS_I(dir);
	size_t len = strlen(name);
	struct ramfs_dirent *d = kmalloc(sizeof(*d) + len + 1);
	if (!d)
		return -ENOMEM;
	d->inode = child;
	d->cookie = ri->next_cookie++;
	d->namelen = len;
	memcpy(d->name, name, len + 1);
	list_add_tail(&d->link, &ri->entries);
	spin_lock(&dir->lock);
	dir->size += RAMFS_DIRENT_SIZE;
	if (S_ISDIR(child->mode))
		dir->nlink++;
	spin_unlock(&dir->lock);
	dir_touch(dir);
	return 0;
}

/* Unlinks entry d; the directory is locked. The caller drops d->inode and frees d. */
static void dir_remove(struct inode *dir, struct ramfs_dirent *d)
{
	list_del(&d->link);
	spin_lock(&dir->lock);
	dir->size -= RAMFS_DIRENT_SIZE;
	if (S_ISDIR(d->inode->mode))
		dir->nlink--;
	spin_unlock(&dir->lock);
	dir_touch(dir);
}

static int ramfs_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct ramfs_inode *ri = RAMFS_I(dir);
	int err = 0;

	inode_lock(dir);
	if (!ri->parent) {
		err = -ENOENT; /* removed: nothing can be found in it, not even ".." */
	} else if (!strcmp(name, "..")) {
		*out = inode_get(ri->parent);
	} else {
		struct ramfs_dirent *d = dir_find(ri, name);
		if (d)
			*out = inode_get(d->inode);
		else
			err = -ENOENT;
	}
	inode_unlock(dir);
	return err;
}

/*
 * Creates an inode of the given mode named name in dir; target is a
 * symlink's. Returns it referenced in *out when out is not NULL.
 */
static int ramfs_make(struct inode *dir, const char *name, uint32_t mode, uint64_t rdev,
                      const char *target, struct inode **out)
{
	struct ramfs_inode *ri = RAMFS_I(dir);
	struct inode *child;
	int err;

	inode_lock(dir);
	if (!ri->parent) {
		err = -ENOENT;
		goto out_unlock;
	}
	if (dir_find(ri, name)) {
		err = -EEXIST;
		goto out_unlock;
	}
	err = -ENOMEM;
	child = ramfs_new_inode(dir->sb, mode, rdev);
	if (!child)
		goto out_unlock;
	if (target) {
		RAMFS_I(child)->target = kmalloc(strlen(target) + 1);
		if (!RAMFS_I(child)->target)
			goto out_put_child;
		strcpy(RAMFS_I(child)->target, target);
		child->size = strlen(target);
	}
	if (S_ISDIR(mode))
		RAMFS_I(child)->parent = dir; /* the entry in dir keeps dir alive for it */
	err = dir_add(dir, name, child);
	if (err)
		goto out_put_child;
	if (out)
		*out = inode_get(child);
	inode_unlock(dir);
	return 0;

out_put_child:
	inode_put(child);
out_unlock:
	inode_unlock(dir);
	return err;
}

static int ramfs_create_file(struct inode *dir, const char *name, uint32_t mode, struct inode **out)
{
	return ramfs_make(dir, name, mode, 0, NULL, out);
}

static int ramfs_mkdir(struct inode *dir, const char *name, uint32_t mode)
{
	return ramfs_make(dir, name, mode, 0, NULL, NULL);
}

static int ramfs_mknod(struct inode *dir, const char *name, uint32_t mode, uint64_t rdev)
{
	return ramfs_make(dir, name, mode, rdev, NULL, NULL);
}

static int ramfs_symlink(struct inode *dir, const char *name, const char *target)
{
	return ramfs_make(dir, name, S_IFLNK | 0777, 0, target, NULL);
}

static int ramfs_link(struct inode *dir, const char *name, struct inode *target)
{
	struct ramfs_inode *ri = RAMFS_I(dir);
	int err;

	inode_lock(dir);
	if (!ri->parent)
		err = -ENOENT;
	else if (dir_find(ri, name))
		err = -EEXIST;
	else
		err = dir_add(dir, name, target);
	if (!err) {
		inode_get(target); /* the new entry's reference */
		spin_lock(&target->lock);
		target->nlink++;
		target->ctime = vfs_now();
		spin_unlock(&target->lock);
	}
	inode_unlock(dir);
	return err;
}

static int ramfs_unlink(struct inode *dir, const char *name)
{
	struct ramfs_dirent *d;

	inode_lock(dir);
	d = dir_find(RAMFS_I(dir), name);
	if (!d || S_ISDIR(d->inode->mode)) {
		inode_unlock(dir);
		return d ? -EISDIR : -ENOENT;
	}
	dir_remove(dir, d);
	inode_unlock(dir);

	struct inode *child = d->inode;
	spin_lock(&child->lock);
	child->nlink--;
	child->ctime = vfs_now();
	spin_unlock(&child->lock);
	inode_put(child);
	kfree(d);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, const char *name)
{
	struct ramfs_dirent *d;
	int err = 0;

	inode_lock(dir);
	d = dir_find(RAMFS_I(dir), name);
	if (!d) {
		err = -ENOENT;
		goto out_unlock;
	}
	struct inode *child = d->inode;
	if (!S_ISDIR(child->mode)) {
		err = -ENOTDIR;
		goto out_unlock;
	}
	inode_lock(child);
	if (!list_empty(&RAMFS_I(child)->entries)) {
		inode_unlock(child);
		err = -ENOTEMPTY;
		goto out_unlock;
	}
	RAMFS_I(child)->parent = NULL;
	spin_lock(&child->lock);
	child->nlink = 0;
	child->ctime = vfs_now();
	spin_unlock(&child->lock);
	inode_unlock(child);
	dir_remove(dir, d);
	inode_unlock(dir);
	inode_put(child);
	kfree(d);
	return 0;

out_unlock:
	inode_unlock(dir);
	return err;
}

/* Serialises renames, so the ancestry that orders their directory locks holds still. */
static struct wait_queue rename_wait = WAIT_QUEUE_INIT(rename_wait);
static bool rename_busy;
static struct spinlock rename_lock = SPINLOCK_INIT("ramfs_rename");

static bool rename_trylock(void)
{
	spin_lock(&rename_lock);
	bool ok = !rename_busy;
	rename_busy = true;
	spin_unlock(&rename_lock);
	return ok;
}

static void rename_unlock(void)
{
	spin_lock(&rename_lock);
	rename_busy = false;
	spin_unlock(&rename_lock);
	wake_up(&rename_wait);
}

/* Whether a is b or one of b's ancestors (parent pointers; the rename lock is held). */
static bool is_ancestor(struct inode *a, struct inode *b)
{
	for (int depth = 0; b && depth < 4096; depth++) {
		if (a == b)
			return true;
		struct inode *p = RAMFS_I(b)->parent;
		if (p == b)
			return false;
		b = p;
	}
	return false;
}

/*
 * Moves an entry, replacing what new_name named (a directory only by an
 * empty one). Directory locks are taken ancestor first, as rmdir takes them.
 */
static int ramfs_rename(struct inode *old_dir, const char *old_name, struct inode *new_dir,
			const char *new_name)
{
	struct inode *victim = NULL;
	int err = 0;
	wait_event(rename_wait, rename_trylock());
	struct inode *first = old_dir, *second = new_dir;
	if (old_dir != new_dir && is_ancestor(new_dir, old_dir)) {
		first = new_dir;
		second = old_dir;
	}
	inode_lock(first);
	if (second != first)
		inode_lock(second);
	struct ramfs_dirent *d = dir_find(RAMFS_I(old_dir), old_name);
	struct ramfs_dirent *t = dir_find(RAMFS_I(new_dir), new_name);
	if (!d || !RAMFS_I(old_dir)->parent || !RAMFS_I(new_dir)->parent) {
		err = -ENOENT;
		goto out_unlock;
	}
	struct inode *src = d->inode;
	bool is_dir = S_ISDIR(src->mode);
	if (t) {
		struct inode *tgt = t->inode;
		if (tgt == src)
			goto out_unlock;
		if (is_dir && !S_ISDIR(tgt->mode)) {
			err = -ENOTDIR;
			goto out_unlock;
		}
		if (!is_dir && S_ISDIR(tgt->mode)) {
			err = -EISDIR;
			goto out_unlock;
		}
		if (is_dir) {
			inode_lock(tgt);
			bool empty = list_empty(&RAMFS_I(tgt)->entries);
			if (empty)
				RAMFS_I(tgt)->parent = NULL;
			inode_unlock(tgt);
			if (!empty) {
				err = -ENOTEMPTY;
				goto out_unlock;
			}
		}
	}
	err = dir_add(new_dir, new_name, inode_get(src));
	if (err) {
		inode_put(src);
		goto out_unlock;
	}
	if (t) {
		victim = t->inode;
		dir_remove(new_dir, t);
		kfree(t);
		spin_lock(&victim->lock);
		victim->nlink = S_ISDIR(victim->mode) ? 0 : victim->nlink - 1;
		victim->ctime = vfs_now();
		spin_unlock(&victim->lock);
	}
	dir_remove(old_dir, d);
	kfree(d);
	inode_put(src); /* the old entry's reference; the new entry holds its own */
	if (is_dir)
		RAMFS_I(src)->parent = new_dir;
	spin_lock(&src->lock);
	src->ctime = vfs_now();
	spin_unlock(&src->lock);
out_unlock:
	if (second != first)
		inode_unlock(second);
	inode_unlock(first);
	rename_unlock();
	if (victim)
		inode_put(victim);
	return err;
}

const struct inode_ops ramfs_dir_iops = {
    .rename = ramfs_rename,
    .lookup = ramfs_lookup,
    .create = ramfs_create_file,
    .mkdir = ramfs_mkdir,
    .mknod = ramfs_mknod,
    .unlink = ramfs_unlink,
    .rmdir = ramfs_rmdir,
    .symlink = ramfs_symlink,
    .link = ramfs_link,
};

/* Lists "." (position 0), ".." (1), then the entries by cookie. */
static int ramfs_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct ramfs_inode *ri = RAMFS_I(dir);
	struct ramfs_dirent *d;

	inode_lock(dir);
	if (!ri->parent)
		goto out; /* removed: empty, not even "." */
	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			goto out;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, ri->parent->ino, DT_DIR))
			goto out;
		ctx->pos = 2;
	}
	list_for_each_entry(d, &ri->entries, link)
	{
		if (d->cookie < ctx->pos)
			continue;
		if (!dir_emit(ctx, d->name, d->namelen, d->inode->ino, vfs_dt_type(d->inode->mode)))
			break;
		ctx->pos = d->cookie + 1;
	}
out:
	inode_unlock(dir);
	return 0;
}

/* Directory positions are cookies: SEEK_SET and SEEK_CUR only. */
static int64_t ramfs_dir_llseek(struct file *file, int64_t off, int whence)
{
	int64_t pos;

	spin_lock(&file->lock);
	if (whence == SEEK_SET)
		pos = off;
	else if (whence != SEEK_CUR || __builtin_add_overflow((int64_t)file->pos, off, &pos))
		pos = -1;
	if (pos < 0) {
		spin_unlock(&file->lock);
		return -EINVAL;
	}
	file->pos = (uint64_t)pos;
	spin_unlock(&file->lock);
	return pos;
}

const struct file_ops ramfs_dir_fops = {
    .readdir = ramfs_readdir,
    .llseek = ramfs_dir_llseek,
};
