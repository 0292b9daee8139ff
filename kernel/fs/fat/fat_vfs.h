/*
 * FAT32 in the VFS (kernel only): the private state shared by vfs_super.c
 * (mount, the inode cache, super ops), vfs_dir.c (inode ops) and
 * vfs_file.c (file ops). One sleeping lock per mounted filesystem
 * serialises every call into the core (fat.h). No inode_put() happens while
 * it is held: the last put evicts, and eviction takes the lock.
 */
#ifndef CAIRN_FS_FAT_VFS_H
#define CAIRN_FS_FAT_VFS_H

#include <block/blkdev.h>
#include <fs/vfs.h>
#include <proc/wait.h>

#include "fat.h"

#define FAT_ICACHE_BUCKETS 64
#define FAT_ROOT_INO 1

struct fat_mount {
	struct fat_fs fs;
	struct super_block sb;
	struct block_device *bdev;
	struct inode *icache[FAT_ICACHE_BUCKETS]; /* chained through fat_inode.next */
	struct wait_queue lock_wait;
	bool locked;
	uint32_t uid, gid, fmask, dmask; /* mount options */
	uint8_t *cache_mem;
};

/* The driver's part of an inode. */
struct fat_inode {
	struct fat_node node;
	/* The short entry naming it: logical sector and byte (0, 0 for the root and unlinked). */
	uint32_t sector, offset;
	bool unlinked;             /* no entry names it: its clusters go at eviction */
	struct inode *parent;      /* directories: the directory holding it, referenced; NULL for the root */
	struct inode *next;        /* hash chain */
};

#define FAT_MNT(sb) ((struct fat_mount *)(sb)->priv)
#define FAT_I(inode) ((struct fat_inode *)(inode)->priv)

void fat_lock(struct fat_mount *m);
/* Unlocks; if the core found corruption, the filesystem becomes read-only first. */
void fat_unlock(struct fat_mount *m);
/*
 * Returns the inode of entry e (cached or new) with a reference; parent is
 * the directory holding it. Called with the lock held.
 */
int fat_iget(struct fat_mount *m, struct inode *parent, const struct fat_dir_entry *e,
	     struct inode **out);
/* The live inode of the entry at (sector, offset), without a reference, or NULL. Lock held. */
struct inode *fat_ilookup(struct fat_mount *m, uint32_t sector, uint32_t offset);
/* Moves a live inode to a new entry position (rename) or out of the cache (sector 0). */
void fat_irehash(struct fat_mount *m, struct inode *inode, uint32_t sector, uint32_t offset);
/* The inode number of the entry at (sector, offset). */
uint64_t fat_ino(const struct fat_mount *m, uint32_t sector, uint32_t offset);
/* The mode of an entry with attributes attr under the mount's options. */
uint32_t fat_mode(const struct fat_mount *m, uint8_t attr);
/* Writes inode's size, first cluster and times to its entry (nothing for the root). Lock held. */
int fat_write_entry(struct fat_mount *m, struct inode *inode);
/* A fresh short entry with times set to now and attributes attr. */
void fat_new_dirent(struct fat_dirent *de, uint8_t attr);
/* The first cluster of directory dir as ".." entries record it (0 for the root). */
uint32_t fat_parent_cluster(struct fat_mount *m, struct inode *dir);

extern const struct inode_ops fat_dir_iops, fat_file_iops;
extern const struct file_ops fat_dir_fops, fat_file_fops;

#endif
