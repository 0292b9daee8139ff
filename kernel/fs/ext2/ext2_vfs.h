/*
 * The ext2 VFS glue's private state (vfs.c: mounting, the inode cache and
 * the super block ops; vfs_dir.c: inode ops; vfs_file.c: file ops).
 *
 * Locking: one sleeping lock per mounted filesystem (ext2_lock) serialises
 * every call into the core, which works in the shared scratch blocks. It is
 * recursive for its holder, so dropping an inode reference (which may free
 * an unlinked inode) is safe while holding it. User memory is never touched
 * with it held.
 */
#ifndef CAIRN_EXT2_VFS_H
#define CAIRN_EXT2_VFS_H

#include <block/blkdev.h>
#include <fs/vfs.h>
#include <proc/wait.h>

#include "ext2.h"

#define ICACHE_BUCKETS 64

struct ext2_mount {
	struct ext2_fs fs;
	struct block_device *bdev;
	struct super_block sb;
	struct inode *icache[ICACHE_BUCKETS]; /* chained through ext2_inode_info */
	struct wait_queue lock_wait;
	struct spinlock owner_lock;
	struct task *owner; /* holder of ext2_lock, guarded by owner_lock */
	int depth;
	bool judged_ro; /* found inconsistent at mount: never read-write */
	bool told_failed; /* the switch to read-only was logged */
};

struct ext2_inode_info {
	struct ext2_inode raw;
	uint32_t ino;
	struct inode *next; /* hash chain */
};

#define EXT2_MNT(sb) ((struct ext2_mount *)(sb)->priv)
#define EXT2_I(inode) ((struct ext2_inode_info *)(inode)->priv)

extern const struct inode_ops ext2_dir_iops, ext2_link_iops, ext2_file_iops;
extern const struct file_ops ext2_file_fops, ext2_dir_fops;

void ext2_lock(struct ext2_mount *m);
void ext2_unlock(struct ext2_mount *m);
/*
 * After a core call: if it found an inconsistency (fs->failed), switches the
 * filesystem to read-only with a log line naming the device. Returns err.
 */
int ext2_check(struct ext2_mount *m, int err);
/* The cached or newly read inode ino with a reference; call with the lock held. */
int ext2_iget(struct ext2_mount *m, uint32_t ino, struct inode **out);
/* Writes the raw inode of inode and copies its fields into the VFS inode; lock held. */
int ext2_update_inode(struct inode *inode);
/* Copies the raw inode's fields into the VFS inode. */
void ext2_fill_vfs_inode(struct inode *inode);

#endif
