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
/*
 * mount(2) for a new filesystem: mounts a new instance of fstype (fs/fstype.h)
 * from source on the directory target, with MS_RDONLY honoured; or, with
 * MS_REMOUNT, changes the read-only state of the filesystem mounted at
 * target. data is the option string (kernel memory) or NULL. Returns 0,
 * -ENODEV (unknown type), -ENOTBLK (source is not /dev/<disk>), -EBUSY
 * (the device is mounted already), -EINVAL (unsupported flags, or for a
 * remount, target is not a mount), or what the path walk or the
 * filesystem's mount returned.
 */
int vfs_mount_fs(const char *source, const char *target, const char *fstype, unsigned long flags,
		 const char *data);
/*
 * umount2(2): detaches the filesystem mounted at target after syncing it
 * and frees it (put_super). flags: MNT_FORCE is accepted and ignored,
 * UMOUNT_NOFOLLOW; MNT_DETACH and MNT_EXPIRE are -EINVAL. Returns 0,
 * -EINVAL (target is not a mount point, or the root), -EBUSY (something
 * in the filesystem is in use: an open file, a working directory).
 */
int vfs_umount(const char *target, int flags);
/*
 * Takes m out of the table and frees it, dropping its references to the
 * mount point and the mounted root (not to the super block). 0, or -EBUSY
 * when another filesystem is mounted on a directory inside it.
 */
int mount_remove(struct mount *m);
/* Visits each mount in mount order. */
void mount_for_each(void (*fn)(const struct mount *m, void *arg), void *arg);

#endif
