/*
 * Filesystem types: what mount(2) can mount, by name ("ext2", "vfat",
 * "tmpfs", "proc", "devtmpfs", "ramfs"). Each filesystem registers one
 * struct fs_type at boot (from vfs_init()); the registry also answers
 * /proc/filesystems.
 */
#ifndef CAIRN_FS_FSTYPE_H
#define CAIRN_FS_FSTYPE_H

#include <list.h>
#include <types.h>

struct super_block;

struct fs_type {
	const char *name;
	bool requires_dev; /* mounts a block device (else "nodev" in /proc/filesystems) */
	/*
	 * Mounts a new instance. source is the block device's name without
	 * "/dev/" ("sda2") when requires_dev, otherwise whatever the caller
	 * passed (ignored). flags are mount(2)'s MS_* flags (MS_RDONLY asks for
	 * a read-only mount); data is the option string (a kernel copy) or NULL.
	 * Returns 0 and a super block whose root holds a reference and whose
	 * flags say SB_RDONLY if the filesystem came up read-only (asked for,
	 * or judged inconsistent: then it logs why); or -ENODEV, -ENXIO (no such
	 * device), -EINVAL (not this filesystem: bad magic), -ENOMEM, -EIO.
	 */
	int (*mount)(const char *source, unsigned long flags, const char *data,
		     struct super_block **out);
	struct list_head link;
};

/* Adds a type; names are unique. Call during boot. */
void fs_type_register(struct fs_type *type);
/* The type named name, or NULL. */
struct fs_type *fs_type_find(const char *name);
/* Visits every registered type in registration order. */
void fs_type_for_each(void (*fn)(const struct fs_type *type, void *arg), void *arg);

#endif
