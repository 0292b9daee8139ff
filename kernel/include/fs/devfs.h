/*
 * devfs (filesystem type "devtmpfs"): the device nodes of the devices that
 * exist. One instance, shared by every mount as Linux's devtmpfs: a ramfs
 * that gets a node for each registered character device (fs/chrdev.h, named
 * by Linux's conventions for its number) and each block device
 * (block/blkdev.h, named as the driver named it). Nodes can be created,
 * removed and renamed like in any ramfs; a removed device node does not come
 * back. See docs/filesystems.md.
 */
#ifndef CAIRN_FS_DEVFS_H
#define CAIRN_FS_DEVFS_H

#include <types.h>

/* Registers the "devtmpfs" filesystem type. Call from vfs_init(). */
void devfs_register(void);
/* Mounts devfs on the directory path, creating it (mode 0755) if missing. 0 or -Exxx. */
int devfs_mount(const char *path);
/*
 * Writes the node name Linux gives character device major:minor ("null",
 * "ttyS0") into buf and returns its mode (type and permissions), or 0 for a
 * number devfs has no name for.
 */
uint32_t devfs_chr_name(uint32_t major, uint32_t minor, char *buf, size_t size);

#endif
