/*
 * ramfs internals. Every inode carries a struct ramfs_inode in inode->priv:
 *
 * - a directory keeps its entries in a list, in creation order, each holding
 *   a reference to the inode it names, and a pointer to its parent (itself
 *   for the root, NULL once removed);
 * - a regular file keeps its data in page-sized chunks, an array of physical
 *   pages from page_alloc() (0 for a hole, which reads as zeros), so a shared
 *   mapping can use the very same pages;
 * - a symlink keeps its target.
 *
 * Locking: the directory's inode_lock() guards its entries and its parent
 * pointer; a file's inode_lock() serialises reads, writes and truncation;
 * inode->lock (the spinlock) guards the page array and the size, so
 * map_page(), called from page faults, needs only that.
 *
 * Invariant: every byte of a file's pages at or beyond its size is zero, so
 * growing a file (by write or truncate) exposes zeros.
 */
#ifndef CAIRN_FS_RAMFS_RAMFS_H
#define CAIRN_FS_RAMFS_RAMFS_H

#include <fs/vfs.h>
#include <list.h>

/* Page-array entries are kmalloc()ed, so a file has at most this many pages (1 GiB). */
#define RAMFS_MAX_PAGES (1UL << 18)
#define RAMFS_MAX_SIZE  (RAMFS_MAX_PAGES << PAGE_SHIFT)
/* What a directory entry adds to the directory's st_size, as in Linux's tmpfs. */
#define RAMFS_DIRENT_SIZE 20

struct ramfs_dirent {
	struct list_head link;
	struct inode *inode; /* holds a reference */
	int64_t cookie;      /* readdir position; 0 and 1 are "." and ".." */
	size_t namelen;
	char name[]; /* NUL-terminated */
};

struct ramfs_inode {
	/* Directories. */
	struct list_head entries;
	int64_t next_cookie;
	struct inode *parent;
	/* Regular files. */
	phys_addr_t *pages;
	size_t nr_slots;
	/* Symlinks. */
	char *target;
};

static inline struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return inode->priv;
}

/*
 * What a ramfs instance (ramfs, tmpfs, devtmpfs) knows about itself, in
 * sb->priv: its statfs magic and its size limit in pages. Every page a file
 * holds is charged against the limit (atomically) when it is allocated and
 * released when the file lets it go, so a full filesystem fails writes with
 * -ENOSPC.
 */
struct ramfs_sb_info {
	long magic;          /* f_type: RAMFS_MAGIC, TMPFS_MAGIC */
	uint64_t max_pages;  /* 0: no limit but memory */
	uint64_t used_pages; /* atomic */
	uint64_t nr_inodes;  /* atomic: inodes alive, for statfs */
};

static inline struct ramfs_sb_info *RAMFS_SB(struct super_block *sb)
{
	return sb->priv;
}

/* Charges one page to sb; false when the filesystem is full. */
bool ramfs_charge_page(struct super_block *sb);
/* Releases n pages charged to sb. */
void ramfs_uncharge_pages(struct super_block *sb, uint64_t n);

/* super.c: a new inode of the given type with its ops, owned by the caller's fsuid. */
struct inode *ramfs_new_inode(struct super_block *sb, uint32_t mode, uint64_t rdev);

extern const struct inode_ops ramfs_dir_iops;
extern const struct file_ops ramfs_dir_fops;
extern const struct inode_ops ramfs_file_iops;
extern const struct file_ops ramfs_file_fops;
extern const struct inode_ops ramfs_symlink_iops;

/* file.c: frees a regular file's pages and page array (eviction). */
void ramfs_file_free_data(struct inode *inode);

#endif
