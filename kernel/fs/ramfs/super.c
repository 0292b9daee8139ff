/*
 * ramfs: creating the filesystem and its inodes, evicting them, the size
 * accounting tmpfs limits (fs/tmpfs/), statfs, and symlinks. Directories
 * are in dir.c, regular files in file.c.
 */
#include <errno.h>
#include <fs/fstype.h>
#include <fs/ramfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <proc/process.h>
#include <uapi/statfs.h>

#include "ramfs.h"

/*
 * Frees the tree under dir, whose last reference is gone (the root of an
 * unmounted instance; any other directory is empty by then). Iterative, so
 * a deep tree cannot overflow the kernel stack: it descends into a
 * subdirectory only this tree holds and frees an entry once what it names
 * is empty. A subdirectory someone else still holds (a working directory)
 * is detached like a removed one and lives on with its own entries.
 */
static void ramfs_free_tree(struct inode *dir)
{
	struct inode *cur = dir;
	for (;;) {
		struct ramfs_inode *ri = RAMFS_I(cur);
		if (list_empty(&ri->entries)) {
			if (cur == dir)
				return;
			cur = ri->parent; /* its entry there is freed on the next round */
			continue;
		}
		struct ramfs_dirent *d = list_first_entry(&ri->entries, struct ramfs_dirent, link);
		struct inode *child = d->inode;
		if (S_ISDIR(child->mode)) {
			struct ramfs_inode *ci = RAMFS_I(child);
			if (__atomic_load_n(&child->refcount, __ATOMIC_ACQUIRE) == 1 &&
			    !list_empty(&ci->entries)) {
				cur = child;
				continue;
			}
			inode_lock(child);
			ci->parent = NULL; /* removed: lookups in it fail, ".." too */
			inode_unlock(child);
		}
		list_del(&d->link);
		kfree(d);
		inode_put(child);
	}
}

static void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	if (!ri)
		return;
	if (S_ISDIR(inode->mode)) {
		ramfs_free_tree(inode);
	} else if (S_ISREG(inode->mode)) {
		ramfs_file_free_data(inode);
	}
	kfree(ri->target);
	kfree(ri);
	inode->priv = NULL;
	__atomic_sub_fetch(&RAMFS_SB(inode->sb)->nr_inodes, 1, __ATOMIC_RELAXED);
}

/* File pages held by every ramfs-based instance, for /proc/meminfo's Shmem. */
static uint64_t ramfs_all_pages;

uint64_t ramfs_pages_total(void)
{
	return __atomic_load_n(&ramfs_all_pages, __ATOMIC_RELAXED);
}

bool ramfs_charge_page(struct super_block *sb)
{
	struct ramfs_sb_info *info = RAMFS_SB(sb);
	uint64_t used = __atomic_load_n(&info->used_pages, __ATOMIC_RELAXED);
	do {
		if (info->max_pages && used >= info->max_pages)
			return false;
	} while (!__atomic_compare_exchange_n(&info->used_pages, &used, used + 1, false,
					      __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	__atomic_add_fetch(&ramfs_all_pages, 1, __ATOMIC_RELAXED);
	return true;
}

void ramfs_uncharge_pages(struct super_block *sb, uint64_t n)
{
	if (n) {
		__atomic_sub_fetch(&RAMFS_SB(sb)->used_pages, n, __ATOMIC_RELAXED);
		__atomic_sub_fetch(&ramfs_all_pages, n, __ATOMIC_RELAXED);
	}
}

/*
 * Sizes in pages of PAGE_SIZE. A filesystem without a limit reports the
 * pages it uses as its size and nothing free, as Linux's ramfs reports
 * nothing at all; inodes are not limited, so f_files counts the live ones
 * and f_ffree is 0 as for Linux's tmpfs with nr_inodes=0.
 */
static int ramfs_statfs(struct super_block *sb, struct statfs *st)
{
	struct ramfs_sb_info *info = RAMFS_SB(sb);
	uint64_t used = __atomic_load_n(&info->used_pages, __ATOMIC_RELAXED);
	st->f_type = info->magic;
	st->f_bsize = PAGE_SIZE;
	st->f_frsize = PAGE_SIZE;
	st->f_namelen = NAME_MAX;
	if (info->max_pages) {
		st->f_blocks = (long)info->max_pages;
		st->f_bfree = st->f_bavail = (long)(info->max_pages > used ? info->max_pages - used : 0);
	}
	st->f_files = (long)__atomic_load_n(&info->nr_inodes, __ATOMIC_RELAXED);
	return 0;
}

/*
 * Whether an inode of the tree under root is used from outside it: a
 * directory with more references than its one entry (a working directory),
 * a file with more than its links. Walks the tree without recursion,
 * holding a reference to the directory it lists and its sleeping lock while
 * it does; a directory that moved away meanwhile counts as busy.
 */
static bool ramfs_tree_busy(struct inode *root)
{
	struct inode *cur = inode_get(root), *from = NULL;
	for (;;) {
		struct ramfs_inode *ri = RAMFS_I(cur);
		struct inode *next = NULL;
		bool busy = false, resumed = !from;
		struct ramfs_dirent *d;
		inode_lock(cur);
		list_for_each_entry(d, &ri->entries, link)
		{
			struct inode *c = d->inode;
			if (!resumed) {
				resumed = c == from;
				continue;
			}
			int refs = __atomic_load_n(&c->refcount, __ATOMIC_ACQUIRE);
			if (S_ISDIR(c->mode)) {
				busy = refs > 1;
				if (!busy && !list_empty(&RAMFS_I(c)->entries))
					next = inode_get(c);
			} else {
				busy = refs > (int)c->nlink;
			}
			if (busy || next)
				break;
		}
		busy |= !resumed;
		struct inode *up = cur != root && ri->parent ? inode_get(ri->parent) : NULL;
		inode_unlock(cur);
		if (busy || next) {
			inode_put(up);
			inode_put(cur);
			if (busy) {
				inode_put(next);
				return true;
			}
			cur = next;
			from = NULL;
			continue;
		}
		if (cur == root) {
			inode_put(cur);
			return false;
		}
		if (!up) { /* removed meanwhile */
			inode_put(cur);
			return true;
		}
		from = cur;
		inode_put(cur); /* from is only compared, never followed */
		cur = up;
	}
}

static bool ramfs_busy(struct super_block *sb)
{
	return ramfs_tree_busy(sb->root);
}

/*
 * umount: the VFS dropped the root, which freed the tree and every page.
 * The super block goes too unless an inode outlived the tree (a removed
 * directory still someone's working directory), whose eviction needs it.
 */
static void ramfs_put_super(struct super_block *sb)
{
	if (__atomic_load_n(&sb->nr_inodes, __ATOMIC_ACQUIRE) != 0)
		return; /* FIXME: kept for the survivor; a few hundred bytes */
	kfree(sb->priv);
	kfree(sb);
}

static const struct super_ops ramfs_super_ops = {
    .evict_inode = ramfs_evict_inode,
    .statfs = ramfs_statfs,
};

/* For instances mount(2) made (ramfs, tmpfs): umount frees them. */
static const struct super_ops ramfs_mounted_super_ops = {
    .evict_inode = ramfs_evict_inode,
    .statfs = ramfs_statfs,
    .put_super = ramfs_put_super,
    .busy = ramfs_busy,
};

void ramfs_free_on_umount(struct super_block *sb)
{
	sb->ops = &ramfs_mounted_super_ops;
}

static int ramfs_readlink(struct inode *inode, char *buf, size_t size)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	size_t len = strlen(ri->target);
	memcpy(buf, ri->target, MIN(len, size));
	return (int)len;
}

const struct inode_ops ramfs_symlink_iops = {
    .readlink = ramfs_readlink,
};

struct inode *ramfs_new_inode(struct super_block *sb, uint32_t mode, uint64_t rdev)
{
	struct inode *inode = inode_alloc(sb, mode);
	if (!inode)
		return NULL;
	struct ramfs_inode *ri = kzalloc(sizeof(*ri));
	if (!ri) {
		inode_put(inode);
		return NULL;
	}
	list_init(&ri->entries);
	inode->priv = ri;
	__atomic_add_fetch(&RAMFS_SB(sb)->nr_inodes, 1, __ATOMIC_RELAXED);

	struct process *p = current ? current_proc() : NULL;
	if (p) {
		inode->uid = p->fsuid;
		inode->gid = p->fsgid;
	}
	switch (mode & S_IFMT) {
	case S_IFDIR:
		inode->iops = &ramfs_dir_iops;
		inode->fops = &ramfs_dir_fops;
		inode->nlink = 2;
		inode->size = 2 * RAMFS_DIRENT_SIZE;
		ri->next_cookie = 2;
		break;
	case S_IFREG:
		inode->iops = &ramfs_file_iops;
		inode->fops = &ramfs_file_fops;
		break;
	case S_IFLNK:
		inode->iops = &ramfs_symlink_iops;
		break;
	default:
		/* Device nodes, FIFOs and sockets: open finds their ops by type. */
		inode->rdev = rdev;
		break;
	}
	return inode;
}

static uint32_t ramfs_next_minor = 1;

struct super_block *ramfs_create_fs(const char *fs_name, long magic, uint64_t max_pages,
				    uint32_t root_mode)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	if (!sb)
		return NULL;
	struct ramfs_sb_info *info = kzalloc(sizeof(*info));
	if (!info) {
		kfree(sb);
		return NULL;
	}
	info->magic = magic;
	info->max_pages = max_pages;
	sb->priv = info;
	sb->fs_name = fs_name;
	/* An anonymous device number (major 0), as Linux gives memory filesystems. */
	sb->dev = vfs_mkdev(0, __atomic_fetch_add(&ramfs_next_minor, 1, __ATOMIC_RELAXED));
	sb->ops = &ramfs_super_ops;
	sb->next_ino = 1;

	struct inode *root = ramfs_new_inode(sb, S_IFDIR | (root_mode & 07777), 0);
	if (!root) {
		kfree(info);
		kfree(sb);
		return NULL;
	}
	RAMFS_I(root)->parent = root; /* not a reference: ".." of the root is itself */
	sb->root = root;
	return sb;
}

struct super_block *ramfs_create(void)
{
	return ramfs_create_fs("ramfs", RAMFS_MAGIC, 0, S_IFDIR | 0755);
}

int ramfs_mount_root(void)
{
	struct super_block *sb = ramfs_create();
	if (!sb)
		return -ENOMEM;
	sb->flags |= SB_DCACHE; /* its names change only through the VFS */
	vfs_set_root(sb->root);
	return 0;
}

static int ramfs_type_mount(const char *source, unsigned long flags, const char *data,
			    struct super_block **out)
{
	(void)source, (void)flags, (void)data;
	struct super_block *sb = ramfs_create();
	if (!sb)
		return -ENOMEM;
	sb->flags |= SB_DCACHE; /* its names change only through the VFS */
	ramfs_free_on_umount(sb);
	*out = sb;
	return 0;
}

static struct fs_type ramfs_type = {.name = "ramfs", .mount = ramfs_type_mount};

void ramfs_register(void)
{
	fs_type_register(&ramfs_type);
}
