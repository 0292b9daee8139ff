/*
 * The mount table: a mounted filesystem's root inode covers a directory
 * (the mount point). Path walks step from the mount point down into the
 * mounted root, and ".." from a mounted root up to the mount point's parent.
 */
#ifndef CAIRN_FS_MOUNT_H
#define CAIRN_FS_MOUNT_H

#include <list.h>
#include <types.h>

struct inode;
struct super_block;

#define MNT_READONLY 0x1

struct mount {
	struct inode *mountpoint; /* referenced; NULL for the root filesystem */
	struct inode *root;       /* referenced */
	struct super_block *sb;   /* root->sb; umount calls its put_super */
	char source[32];          /* "/dev/sda2", "ramfs" */
	char target[64];          /* "/dev" */
	const char *fstype;
	unsigned flags;
	struct list_head link;
};

/* Mounts root (of filesystem fstype) on the directory at path. 0 or -Exxx. */
int vfs_mount(const char *path, struct inode *root, const char *fstype, const char *source,
	      unsigned flags);
/* Records the root filesystem (no mount point) for /proc/mounts. */
void vfs_mount_root(struct inode *root, const char *fstype, const char *source, unsigned flags);
/* If inode is covered by a mount, returns the mounted root instead (the reference moves). */
struct inode *mount_cross_down(struct inode *inode);
/* If inode is the root of a mounted filesystem, returns its mount point (the reference moves). */
struct inode *mount_cross_up(struct inode *inode);
/* Visits each mount in mount order. */
void mount_for_each(void (*fn)(const struct mount *m, void *arg), void *arg);

#endif
