/*
 * devfs: the one devtmpfs instance (fs/devfs.h). It is a ramfs whose root
 * directory brings itself up to date before every lookup and listing: each
 * registered device that has not had a node yet gets one, owned by root.
 * A device gets its node once, so a node someone removed stays removed, and
 * a name someone took first stays theirs.
 *
 * Locking: devfs_lock guards the list of devices that have had their node;
 * a device is marked before its node is made (outside the lock), so two
 * racing refreshes never both create it.
 */
#include <block/blkdev.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/devfs.h>
#include <fs/fstype.h>
#include <fs/mount.h>
#include <fs/ramfs.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>
#include <uapi/statfs.h>

#include "../ramfs/ramfs.h"

/* At most this many devices of each kind are looked at per refresh. */
#define DEVFS_SCAN_MAX 128

struct devfs_seen {
	uint32_t type; /* S_IFCHR or S_IFBLK */
	uint64_t rdev;
};

static struct super_block *devfs_sb;
static struct devfs_seen *seen;
static size_t nr_seen, seen_cap;
static struct spinlock devfs_lock = SPINLOCK_INIT("devfs");

static struct inode_ops devfs_root_iops;
static struct file_ops devfs_root_fops;

/* Marks (type, rdev) as having had its node; false if it had one already. */
static bool devfs_claim(uint32_t type, uint64_t rdev)
{
	bool fresh = false;
	spin_lock(&devfs_lock);
	for (size_t i = 0; i < nr_seen; i++) {
		if (seen[i].type == type && seen[i].rdev == rdev)
			goto out_unlock;
	}
	if (nr_seen == seen_cap) {
		size_t cap = seen_cap ? 2 * seen_cap : 32;
		struct devfs_seen *grown = kmalloc(cap * sizeof(*grown));
		if (!grown)
			goto out_unlock; /* try again at the next refresh */
		if (seen)
			memcpy(grown, seen, nr_seen * sizeof(*grown));
		kfree(seen);
		seen = grown;
		seen_cap = cap;
	}
	seen[nr_seen++] = (struct devfs_seen){.type = type, .rdev = rdev};
	fresh = true;
out_unlock:
	spin_unlock(&devfs_lock);
	return fresh;
}

/* Creates the node name in the devfs root, owned by root whoever triggered it. */
static void devfs_make_node(const char *name, uint32_t mode, uint64_t rdev)
{
	struct inode *root = devfs_sb->root, *node;
	int err = ramfs_dir_iops.mknod(root, name, mode, rdev);
	if (err == -EEXIST)
		return;
	if (err) {
		pr_warn("devfs: cannot create %s (error %d)\n", name, err);
		return;
	}
	if (ramfs_dir_iops.lookup(root, name, &node) == 0) {
		spin_lock(&node->lock);
		node->uid = node->gid = 0;
		spin_unlock(&node->lock);
		inode_put(node);
	}
}

struct blk_scan {
	size_t n;
	struct {
		char name[BLKDEV_NAME_MAX];
		uint64_t rdev;
	} dev[DEVFS_SCAN_MAX];
};

static void blk_collect(struct block_device *dev, void *arg)
{
	struct blk_scan *s = arg;
	if (s->n == DEVFS_SCAN_MAX)
		return;
	strlcpy(s->dev[s->n].name, dev->name, BLKDEV_NAME_MAX);
	s->dev[s->n].rdev = vfs_mkdev(dev->major, dev->minor);
	s->n++;
}

/* Gives every device that has not had a node yet its node. May sleep. */
static void devfs_refresh(void)
{
	uint64_t rdevs[DEVFS_SCAN_MAX];
	size_t n = chrdev_list(rdevs, ARRAY_SIZE(rdevs));
	for (size_t i = 0; i < n; i++) {
		char name[32];
		uint32_t mode = devfs_chr_name(vfs_dev_major(rdevs[i]), vfs_dev_minor(rdevs[i]),
		                               name, sizeof(name));
		if (mode && devfs_claim(S_IFCHR, rdevs[i]))
			devfs_make_node(name, mode, rdevs[i]);
	}

	struct blk_scan *s = kmalloc(sizeof(*s));
	if (!s)
		return;
	s->n = 0;
	blkdev_for_each(blk_collect, s);
	for (size_t i = 0; i < s->n; i++) {
		if (devfs_claim(S_IFBLK, s->dev[i].rdev))
			devfs_make_node(s->dev[i].name, S_IFBLK | 0660, s->dev[i].rdev);
	}
	kfree(s);
}

static int devfs_root_lookup(struct inode *dir, const char *name, struct inode **out)
{
	devfs_refresh();
	return ramfs_dir_iops.lookup(dir, name, out);
}

static int devfs_root_readdir(struct file *file, struct dir_context *ctx)
{
	devfs_refresh();
	return ramfs_dir_fops.readdir(file, ctx);
}

/* Creates the instance on first use. Returns it, or NULL when out of memory. */
static struct super_block *devfs_instance(void)
{
	if (devfs_sb)
		return devfs_sb;
	struct super_block *sb = ramfs_create_fs("devtmpfs", TMPFS_MAGIC, 0, S_IFDIR | 0755);
	if (!sb)
		return NULL;
	devfs_root_iops = ramfs_dir_iops;
	devfs_root_iops.lookup = devfs_root_lookup;
	devfs_root_fops = ramfs_dir_fops;
	devfs_root_fops.readdir = devfs_root_readdir;
	sb->root->iops = &devfs_root_iops;
	sb->root->fops = &devfs_root_fops;
	devfs_sb = sb;
	devfs_refresh();
	pr_info("devfs: %zu device nodes\n", nr_seen);
	return sb;
}

static int devfs_type_mount(const char *source, unsigned long flags, const char *data,
                            struct super_block **out)
{
	(void)source, (void)flags, (void)data;
	struct super_block *sb = devfs_instance();
	if (!sb)
		return -ENOMEM;
	/* Every mount shares the instance; the mount takes its own root reference. */
	*out = sb;
	return 0;
}

static struct fs_type devfs_type = {.name = "devtmpfs", .mount = devfs_type_mount};

void devfs_register(void)
{
	fs_type_register(&devfs_type);
}

int devfs_mount(const char *path)
{
	struct super_block *sb = devfs_instance();
	if (!sb)
		return -ENOMEM;
	struct inode *dir;
	int err = vfs_lookup(path, LOOKUP_FOLLOW, &dir);
	if (err == -ENOENT)
		err = vfs_mkdir(NULL, path, 0755);
	else if (!err)
		inode_put(dir);
	if (err)
		return err;
	return vfs_mount(path, sb->root, "devtmpfs", "devtmpfs", 0);
}
