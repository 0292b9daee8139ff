/*
 * mount(2) and umount2(2) (fs/mount.h): filesystem types from the registry
 * (fs/fstype.h) mounted on directories of the mount table (fs/mount.c).
 */
#include <block/blkdev.h>
#include <errno.h>
#include <fs/dcache.h>
#include <fs/fstype.h>
#include <fs/mount.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <uapi/mount.h>

/* The flags mount(2) accepts; the others (MS_BIND, MS_MOVE, ...) are -EINVAL. */
#define MOUNT_ACCEPTED                                                                          \
	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | MS_REMOUNT | MS_SILENT |     \
	 MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_MANDLOCK | MS_DIRSYNC)

struct mount_find {
	struct inode *root;
	struct block_device *bdev;
	struct mount *found;
};

static void find_by_root(const struct mount *m, void *arg)
{
	struct mount_find *f = arg;
	if (!f->found && m->root == f->root)
		f->found = (struct mount *)m;
}

static void find_by_bdev(const struct mount *m, void *arg)
{
	struct mount_find *f = arg;
	if (!f->found && m->sb && m->sb->bdev && m->sb->bdev == f->bdev)
		f->found = (struct mount *)m;
}

/* The SB_* flags mount(2)'s MS_* flags ask for. */
static unsigned sb_flags_of(unsigned long flags)
{
	return ((flags & MS_RDONLY) ? SB_RDONLY : 0) | ((flags & MS_NOSUID) ? SB_NOSUID : 0) |
	       ((flags & MS_NODEV) ? SB_NODEV : 0) | ((flags & MS_NOEXEC) ? SB_NOEXEC : 0);
}

#define SB_MOUNT_FLAGS (SB_NOSUID | SB_NODEV | SB_NOEXEC)

static int remount(const char *target, unsigned long flags)
{
	struct inode *root;
	int err = vfs_lookup(target, LOOKUP_FOLLOW, &root);
	if (err)
		return err;
	struct mount_find f = {.root = root};
	mount_for_each(find_by_root, &f);
	inode_put(root);
	if (!f.found)
		return -EINVAL;
	struct super_block *sb = f.found->sb;
	/* nosuid, nodev and noexec take the new values whatever happens to read-only. */
	sb->flags = (sb->flags & ~SB_MOUNT_FLAGS) | (sb_flags_of(flags) & SB_MOUNT_FLAGS);
	unsigned sb_flags = (flags & MS_RDONLY) ? SB_RDONLY : 0;
	if ((sb->flags & SB_RDONLY) == sb_flags)
		return 0;
	if (sb_flags & SB_RDONLY && sb->ops && sb->ops->sync_fs) {
		err = sb->ops->sync_fs(sb);
		if (err)
			return err;
	}
	if (sb->ops && sb->ops->remount) {
		err = sb->ops->remount(sb, sb_flags);
		if (err)
			return err;
	}
	sb->flags = (sb->flags & ~SB_RDONLY) | sb_flags;
	f.found->flags = (f.found->flags & ~MNT_READONLY) | (sb_flags ? MNT_READONLY : 0);
	pr_info("vfs: %s remounted %s\n", target, sb_flags ? "read-only" : "read-write");
	return 0;
}

static void sb_release(struct super_block *sb)
{
	if (!sb->ops || !sb->ops->put_super)
		return; /* a memory filesystem lives on; its inodes may still be named */
	inode_put(sb->root);
	sb->root = NULL;
	sb->ops->put_super(sb);
}

int vfs_mount_fs(const char *source, const char *target, const char *fstype, unsigned long flags,
		 const char *data)
{
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & ~(unsigned long)MOUNT_ACCEPTED)
		return -EINVAL;
	if (flags & MS_REMOUNT)
		return remount(target, flags);
	struct fs_type *type = fs_type_find(fstype);
	if (!type)
		return -ENODEV;
	const char *src = source ? source : "none";
	if (type->requires_dev) {
		if (strncmp(src, "/dev/", 5))
			return -ENOTBLK;
		struct mount_find f = {.bdev = blkdev_find(src + 5)};
		if (!f.bdev)
			return -ENXIO;
		mount_for_each(find_by_bdev, &f);
		if (f.found)
			return -EBUSY;
		src += 5;
	}
	struct super_block *sb;
	int err = type->mount(src, flags, data, &sb);
	if (err)
		return err;
	sb->flags |= sb_flags_of(flags);
	err = vfs_mount(target, sb->root, type->name, source ? source : "none",
			(sb->flags & SB_RDONLY) ? MNT_READONLY : 0);
	if (err) {
		sb_release(sb);
		return err;
	}
	struct mount_find f = {.root = sb->root};
	mount_for_each(find_by_root, &f);
	if (f.found)
		f.found->sb = sb;
	return 0;
}

int vfs_umount(const char *target, int flags)
{
	if (flags & ~(MNT_FORCE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	struct inode *root;
	int err = vfs_lookup(target, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &root);
	if (err)
		return err;
	struct mount_find f = {.root = root};
	mount_for_each(find_by_root, &f);
	struct mount *m = f.found;
	if (!m || !m->mountpoint) {
		inode_put(root);
		return -EINVAL;
	}
	struct super_block *sb = m->sb;
	dcache_forget_sb(sb); /* the cache's references must not count as users */
	/* References: ours, the mount's, the super block's. */
	bool busy = __atomic_load_n(&root->refcount, __ATOMIC_ACQUIRE) > 3 ||
		    __atomic_load_n(&sb->nr_files, __ATOMIC_ACQUIRE) > 0;
	if (sb->ops && sb->ops->busy)
		busy |= sb->ops->busy(sb);
	else if (sb->ops && sb->ops->put_super)
		busy |= __atomic_load_n(&sb->nr_inodes, __ATOMIC_ACQUIRE) > 1;
	inode_put(root);
	if (busy)
		return -EBUSY;
	if (sb->ops && sb->ops->sync_fs && !(sb->flags & SB_RDONLY)) {
		err = sb->ops->sync_fs(sb);
		if (err)
			pr_warn("vfs: syncing %s before umount failed (error %d)\n", target, err);
	}
	err = mount_remove(m);
	if (err)
		return err;
	pr_info("vfs: %s unmounted\n", target);
	sb_release(sb);
	return 0;
}
