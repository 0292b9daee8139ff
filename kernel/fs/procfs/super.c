/*
 * procfs (filesystem type "proc"): the instance, its statfs and the
 * eviction of its inodes. Each mount is a new instance over the same
 * processes, as in Linux.
 */
#include <errno.h>
#include <fs/fstype.h>
#include <fs/procfs.h>
#include <mm/slab.h>
#include <uapi/statfs.h>

#include "procfs.h"

static void procfs_evict_inode(struct inode *inode)
{
	kfree(inode->priv);
	inode->priv = NULL;
}

static int procfs_statfs(struct super_block *sb, struct statfs *st)
{
	(void)sb;
	st->f_type = PROC_SUPER_MAGIC;
	st->f_bsize = PAGE_SIZE;
	st->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_ops procfs_super_ops = {
    .evict_inode = procfs_evict_inode,
    .statfs = procfs_statfs,
};

static uint32_t procfs_next_minor = 0x100;

static int procfs_mount(const char *source, unsigned long flags, const char *data,
                        struct super_block **out)
{
	(void)source, (void)flags, (void)data;
	struct super_block *sb = kzalloc(sizeof(*sb));
	if (!sb)
		return -ENOMEM;
	sb->fs_name = "proc";
	sb->dev = vfs_mkdev(0, __atomic_fetch_add(&procfs_next_minor, 1, __ATOMIC_RELAXED));
	sb->ops = &procfs_super_ops;
	sb->next_ino = 2;
	sb->root = procfs_new_inode(sb, PROCFS_ROOT, S_IFDIR | 0555, PROCFS_ROOT_INO, 0, -1);
	if (!sb->root) {
		kfree(sb);
		return -ENOMEM;
	}
	*out = sb;
	return 0;
}

static struct fs_type procfs_type = {.name = "proc", .mount = procfs_mount};

void procfs_register(void)
{
	fs_type_register(&procfs_type);
}
