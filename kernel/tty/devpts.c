/*
 * devpts: the directory of pty slaves. One ramfs instance, shared by every
 * mount of type "devpts" (normally /dev/pts), holds a node N for each pty
 * whose master is open: it appears when /dev/ptmx is opened and goes when
 * the master is closed. The nodes open through the pts major (tty/pty.c).
 */
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/fstype.h>
#include <fs/ramfs.h>
#include <fs/vfs.h>
#include <printk.h>
#include <spinlock.h>

#include "../fs/ramfs/ramfs.h"
#include "pty.h"

#define DEVPTS_SUPER_MAGIC 0x1cd1

static struct super_block *devpts_sb;
static struct spinlock devpts_lock = SPINLOCK_INIT("devpts");

/* Creates the instance on first use; NULL when out of memory. */
static struct super_block *devpts_instance(void)
{
	spin_lock(&devpts_lock);
	struct super_block *sb = devpts_sb;
	spin_unlock(&devpts_lock);
	if (sb)
		return sb;
	sb = ramfs_create_fs("devpts", DEVPTS_SUPER_MAGIC, 1, S_IFDIR | 0755);
	if (!sb)
		return NULL;
	spin_lock(&devpts_lock);
	if (!devpts_sb)
		devpts_sb = sb;
	spin_unlock(&devpts_lock);
	/* FIXME: a racing second instance would leak; both calls run at boot or from ptmx. */
	return devpts_sb;
}

int devpts_add(int index, uint32_t uid, uint32_t gid)
{
	struct super_block *sb = devpts_instance();
	if (!sb)
		return -ENOMEM;
	char name[16];
	ksnprintf(name, sizeof(name), "%d", index);
	struct inode *root = sb->root, *node;
	int err = ramfs_dir_iops.mknod(root, name, S_IFCHR | 0620, vfs_mkdev(PTS_MAJOR, index));
	if (err)
		return err;
	if (ramfs_dir_iops.lookup(root, name, &node) == 0) {
		spin_lock(&node->lock);
		node->uid = uid;
		node->gid = gid;
		spin_unlock(&node->lock);
		inode_put(node);
	}
	return 0;
}

void devpts_remove(int index)
{
	if (!devpts_sb)
		return;
	char name[16];
	ksnprintf(name, sizeof(name), "%d", index);
	int err = ramfs_dir_iops.unlink(devpts_sb->root, name);
	if (err && err != -ENOENT)
		pr_warn("devpts: cannot remove %s (error %d)\n", name, err);
}

static int devpts_type_mount(const char *source, unsigned long flags, const char *data,
                             struct super_block **out)
{
	(void)source, (void)flags, (void)data;
	struct super_block *sb = devpts_instance();
	if (!sb)
		return -ENOMEM;
	*out = sb; /* every mount shares the instance */
	return 0;
}

static struct fs_type devpts_type = {.name = "devpts", .mount = devpts_type_mount};

void devpts_register(void)
{
	fs_type_register(&devpts_type);
}
