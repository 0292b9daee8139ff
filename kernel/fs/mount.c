/* The mount table (fs/mount.h). Mounts are few; lookups scan the list. */
#include <errno.h>
#include <fs/dcache.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>
#include <uapi/stat.h>

static LIST_HEAD(mounts);
static struct spinlock mount_lock = SPINLOCK_INIT("mount");

static struct mount *mount_new(struct inode *root, const char *fstype, const char *source,
			       const char *target, unsigned flags)
{
	struct mount *m = kzalloc(sizeof(*m));
	if (!m)
		return NULL;
	m->root = inode_get(root);
	m->sb = root->sb;
	m->fstype = fstype;
	m->flags = flags;
	strlcpy(m->source, source, sizeof(m->source));
	strlcpy(m->target, target, sizeof(m->target));
	return m;
}

void vfs_mount_root(struct inode *root, const char *fstype, const char *source, unsigned flags)
{
	struct mount *m = mount_new(root, fstype, source, "/", flags);
	if (!m)
		return;
	unsigned long irq = spin_lock_irqsave(&mount_lock);
	list_add(&m->link, &mounts);
	spin_unlock_irqrestore(&mount_lock, irq);
	vfs_set_root(root);
	dcache_forget_sb(NULL); /* the names of the root left behind */
}

int vfs_mount(const char *path, struct inode *root, const char *fstype, const char *source,
	      unsigned flags)
{
	struct inode *dir;
	int err = vfs_lookup(path, LOOKUP_FOLLOW, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->mode) || !S_ISDIR(root->mode)) {
		inode_put(dir);
		return -ENOTDIR;
	}
	struct mount *m = mount_new(root, fstype, source, path, flags);
	if (!m) {
		inode_put(dir);
		return -ENOMEM;
	}
	m->mountpoint = dir;
	unsigned long irq = spin_lock_irqsave(&mount_lock);
	list_add_tail(&m->link, &mounts);
	spin_unlock_irqrestore(&mount_lock, irq);
	dcache_forget_dir(dir); /* its names are hidden now */
	pr_info("vfs: %s (%s) mounted on %s\n", source, fstype, path);
	return 0;
}

struct inode *mount_cross_down(struct inode *inode)
{
	for (int depth = 0; depth < 8; depth++) {
		struct inode *to = NULL;
		unsigned long irq = spin_lock_irqsave(&mount_lock);
		struct mount *m;
		/* The newest mount on a directory wins. */
		list_for_each_entry_reverse(m, &mounts, link)
		{
			if (m->mountpoint == inode) {
				to = inode_get(m->root);
				break;
			}
		}
		spin_unlock_irqrestore(&mount_lock, irq);
		if (!to)
			return inode;
		inode_put(inode);
		inode = to;
	}
	return inode;
}

struct inode *mount_cross_up(struct inode *inode)
{
	struct inode *to = NULL;
	unsigned long irq = spin_lock_irqsave(&mount_lock);
	struct mount *m;
	list_for_each_entry(m, &mounts, link)
	{
		if (m->root == inode && m->mountpoint) {
			to = inode_get(m->mountpoint);
			break;
		}
	}
	spin_unlock_irqrestore(&mount_lock, irq);
	if (!to)
		return inode;
	inode_put(inode);
	return to;
}

int mount_remove(struct mount *m)
{
	struct mount *other;
	unsigned long irq = spin_lock_irqsave(&mount_lock);
	list_for_each_entry(other, &mounts, link)
	{
		if (other != m && other->mountpoint && other->mountpoint->sb == m->sb) {
			spin_unlock_irqrestore(&mount_lock, irq);
			return -EBUSY;
		}
	}
	list_del(&m->link);
	spin_unlock_irqrestore(&mount_lock, irq);
	inode_put(m->mountpoint);
	inode_put(m->root);
	kfree(m);
	return 0;
}

void mount_for_each(void (*fn)(const struct mount *m, void *arg), void *arg)
{
	struct mount *m;
	list_for_each_entry(m, &mounts, link)
		fn(m, arg);
}
