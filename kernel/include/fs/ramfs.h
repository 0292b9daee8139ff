/*
 * ramfs: a filesystem that lives in memory only. It is the root filesystem
 * until the ext2 driver exists (the initrd is unpacked into it) and the
 * base of tmpfs later.
 */
#ifndef CAIRN_FS_RAMFS_H
#define CAIRN_FS_RAMFS_H

#include <types.h>

struct super_block;

/* A new, empty ramfs (root directory mode 0755), or NULL when out of memory. */
struct super_block *ramfs_create(void);
/*
 * A new, empty instance of a ramfs-based filesystem (tmpfs, devtmpfs):
 * fs_name for the super block, magic for statfs, at most max_pages pages of
 * file data (0: no limit), root directory permissions from root_mode.
 */
struct super_block *ramfs_create_fs(const char *fs_name, long magic, uint64_t max_pages,
				    uint32_t root_mode);
/*
 * Makes umount free sb (a ramfs or tmpfs that mount(2) made) with every
 * file's pages; umount is then -EBUSY while a directory in it is someone's
 * working directory. Instances the kernel keeps (devtmpfs) are not freed.
 */
void ramfs_free_on_umount(struct super_block *sb);
/* Creates a ramfs and makes its root the global root (vfs_set_root). 0 or -ENOMEM. */
int ramfs_mount_root(void);
/* File pages held by all ramfs, tmpfs and devtmpfs instances together (/proc/meminfo). */
uint64_t ramfs_pages_total(void);
/* Registers the "ramfs" filesystem type for mount(2). */
void ramfs_register(void);

#endif
