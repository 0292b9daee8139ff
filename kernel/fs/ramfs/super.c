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

static void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	if (!ri)
		return;
	if (S_ISDIR(inode->mode)) {
		/* Only an emptied directory loses its last reference, but be thorough. */
		struct ramfs_dirent *d, *tmp;
		list_for_each_entry_safe(d, tmp, &ri->entries, link)
		{
			list_del(&d->link);
			inode_put(d->inode);
			kfree(d);
		}
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

static const struct super_ops ramfs_super_ops = {
    .evict_inode = ramfs_evict_inode,
    .statfs = ramfs_statfs,
};

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
	*out = sb;
	return 0;
}

static struct fs_type ramfs_type = {.name = "ramfs", .mount = ramfs_type_mount};

void ramfs_register(void)
{
	fs_type_register(&ramfs_type);
}
