/* Mounting ext2 (kernel/fs/ext2/). */
#ifndef CAIRN_FS_EXT2FS_H
#define CAIRN_FS_EXT2FS_H

struct super_block;

/*
 * Mounts the ext2 filesystem on block device devname ("sda2"), read-write
 * unless flags has MS_RDONLY or the filesystem is judged inconsistent (then
 * read-only, with a log line saying why). Returns 0 or -ENXIO, -EINVAL (not
 * ext2, or not mountable), -EIO, -ENOMEM. mount(2) reaches it through the
 * "ext2" filesystem type.
 */
int ext2_mount(const char *devname, unsigned long flags, struct super_block **out);
/* Registers the "ext2" filesystem type (fs/fstype.h); called from vfs_init(). */
void ext2_register(void);

#endif
