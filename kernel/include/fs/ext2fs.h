/* Mounting ext2 (kernel/fs/ext2/). */
#ifndef CAIRN_FS_EXT2FS_H
#define CAIRN_FS_EXT2FS_H

struct super_block;

/* Mounts the ext2 filesystem on block device devname ("sda2"); read-only for now. */
int ext2_mount(const char *devname, struct super_block **out);

#endif
