/*
 * ext2 in the VFS, part one: mounting (the "ext2" filesystem type), the
 * inode cache keyed by inode number (one on-disk inode is one struct inode),
 * the per-filesystem lock and the super block ops. Blocks go through the
 * block cache (block/bcache.h). Inode ops are in vfs_dir.c, file ops in
 * vfs_file.c; the on-disk logic is the core (ext2_*.c).
 */
#include <block/bcache.h>
#include <errno.h>
#include <fs/ext2fs.h>
#include <fs/fstype.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/task.h>
#include <time.h>
#include <uapi/mount.h>
#include <uapi/statfs.h>
#include <uapi/stat.h>

#include "ext2_vfs.h"

static bool try_lock(struct ext2_mount *m)
{
	unsigned long irq = spin_lock_irqsave(&m->owner_lock);
	bool ok = !m->owner || m->owner == current;
	if (ok) {
		m->owner = current;
		m->depth++;
	}
	spin_unlock_irqrestore(&m->owner_lock, irq);
	return ok;
}

void ext2_lock(struct ext2_mount *m)
{
	wait_event(m->lock_wait, try_lock(m));
	m->fs.now = (uint32_t)clock_realtime_sec();
}

void ext2_unlock(struct ext2_mount *m)
{
	unsigned long irq = spin_lock_irqsave(&m->owner_lock);
	if (--m->depth == 0)
		m->owner = NULL;
	spin_unlock_irqrestore(&m->owner_lock, irq);
	wake_up(&m->lock_wait);
}

int ext2_check(struct ext2_mount *m, int err)
{
	if (m->fs.failed && !m->told_failed) {
		m->told_failed = true;
		m->sb.flags |= SB_RDONLY;
		pr_err("ext2: %s: %s; the filesystem is now read-only\n", m->bdev->name,
		       m->fs.why_read_only);
	}
	return err;
}

static int read_block(void *ctx, uint64_t block, void *buf)
{
	struct ext2_mount *m = ctx;
	struct buf *b = bcache_read(m->bdev, block);
	if (IS_ERR(b))
		return -EIO;
	memcpy(buf, b->data, m->fs.block_size);
	bcache_release(b);
	return 0;
}

static int write_block(void *ctx, uint64_t block, const void *buf)
{
	struct ext2_mount *m = ctx;
	struct buf *b = bcache_get_zero(m->bdev, block);
	if (IS_ERR(b))
		return -EIO;
	memcpy(b->data, buf, m->fs.block_size);
	bcache_mark_dirty(b);
	bcache_release(b);
	return 0;
}

void ext2_fill_vfs_inode(struct inode *inode)
{
	const struct ext2_inode *r = &EXT2_I(inode)->raw;
	inode->mode = r->i_mode;
	inode->nlink = r->i_links_count;
	inode->uid = r->i_uid;
	inode->gid = r->i_gid;
	inode->size = ext2_inode_size(r);
	inode->blocks = r->i_blocks;
	inode->atime = (struct timespec){r->i_atime, 0};
	inode->mtime = (struct timespec){r->i_mtime, 0};
	inode->ctime = (struct timespec){r->i_ctime, 0};
}

int ext2_update_inode(struct inode *inode)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	ext2_fill_vfs_inode(inode);
	return ext2_check(m, ext2_write_inode(&m->fs, EXT2_I(inode)->ino, &EXT2_I(inode)->raw));
}

/* The last reference is gone: an inode without names is freed now. */
static void evict(struct inode *inode)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	struct ext2_inode_info *info = EXT2_I(inode);
	ext2_lock(m);
	struct inode **pp = &m->icache[info->ino % ICACHE_BUCKETS];
	while (*pp && *pp != inode)
		pp = &EXT2_I(*pp)->next;
	if (*pp)
		*pp = info->next;
	if (info->raw.i_links_count == 0 && !m->fs.read_only) {
		int err = ext2_delete_inode(&m->fs, info->ino, &info->raw);
		if (err)
			pr_warn("ext2: %s: cannot free inode %u (error %d)\n", m->bdev->name,
				info->ino, err);
		ext2_check(m, err);
	}
	ext2_unlock(m);
	kfree(info);
}

/* chmod, chown, utimensat: the VFS changed the inode's fields. */
static int write_inode(struct inode *inode)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	ext2_lock(m);
	struct ext2_inode *r = &EXT2_I(inode)->raw;
	r->i_mode = (uint16_t)inode->mode;
	r->i_uid = (uint16_t)inode->uid;
	r->i_gid = (uint16_t)inode->gid;
	r->i_atime = (uint32_t)inode->atime.tv_sec;
	r->i_mtime = (uint32_t)inode->mtime.tv_sec;
	r->i_ctime = (uint32_t)inode->ctime.tv_sec;
	int err = ext2_check(m, ext2_write_inode(&m->fs, EXT2_I(inode)->ino, r));
	ext2_unlock(m);
	return err;
}

static int sync_fs(struct super_block *sb)
{
	struct ext2_mount *m = EXT2_MNT(sb);
	ext2_lock(m);
	int err = ext2_check(m, ext2_flush_meta(&m->fs, true));
	ext2_unlock(m);
	int serr = bcache_sync(m->bdev);
	return err ? err : serr;
}

static int statfs(struct super_block *sb, struct statfs *st)
{
	struct ext2_mount *m = EXT2_MNT(sb);
	ext2_lock(m);
	const struct ext2_super_block *s = &m->fs.sb;
	st->f_type = EXT2_SUPER_MAGIC;
	st->f_bsize = m->fs.block_size;
	st->f_frsize = m->fs.block_size;
	st->f_blocks = s->s_blocks_count;
	st->f_bfree = s->s_free_blocks_count;
	st->f_bavail = s->s_free_blocks_count > s->s_r_blocks_count
			       ? s->s_free_blocks_count - s->s_r_blocks_count
			       : 0;
	st->f_files = s->s_inodes_count;
	st->f_ffree = s->s_free_inodes_count;
	uint32_t id[4];
	memcpy(id, s->s_uuid, sizeof(id));
	st->f_fsid.val[0] = (int)(id[0] ^ id[2]);
	st->f_fsid.val[1] = (int)(id[1] ^ id[3]);
	st->f_namelen = 255;
	st->f_flags = (sb->flags & SB_RDONLY) ? 1 /* ST_RDONLY */ : 0;
	ext2_unlock(m);
	return 0;
}

static int remount(struct super_block *sb, unsigned flags)
{
	struct ext2_mount *m = EXT2_MNT(sb);
	int err = 0;
	ext2_lock(m);
	if (flags & SB_RDONLY) {
		err = ext2_flush_meta(&m->fs, true);
		m->fs.read_only = true;
	} else if (m->judged_ro || m->fs.failed) {
		pr_warn("ext2: %s stays read-only: %s\n", m->bdev->name, m->fs.why_read_only);
		err = -EROFS;
	} else {
		m->fs.read_only = false;
		err = ext2_mount_rw(&m->fs);
		if (err)
			m->fs.read_only = true;
	}
	ext2_unlock(m);
	if (!err && (flags & SB_RDONLY))
		err = bcache_sync(m->bdev);
	return err;
}

static void free_mount(struct ext2_mount *m)
{
	kfree(m->fs.gd);
	kfree(m->fs.scratch);
	kfree(m);
}

static void put_super(struct super_block *sb)
{
	struct ext2_mount *m = EXT2_MNT(sb);
	ext2_lock(m);
	ext2_check(m, ext2_flush_meta(&m->fs, true));
	ext2_unlock(m);
	int err = bcache_forget(m->bdev);
	if (err)
		pr_err("ext2: %s: writing back at umount failed (error %d)\n", m->bdev->name, err);
	free_mount(m);
}

static const struct super_ops ext2_sops = {
	.evict_inode = evict,
	.write_inode = write_inode,
	.sync_fs = sync_fs,
	.statfs = statfs,
	.remount = remount,
	.put_super = put_super,
};

int ext2_iget(struct ext2_mount *m, uint32_t ino, struct inode **out)
{
	for (struct inode *i = m->icache[ino % ICACHE_BUCKETS]; i; i = EXT2_I(i)->next) {
		if (EXT2_I(i)->ino == ino) {
			*out = inode_get(i);
			return 0;
		}
	}
	struct ext2_inode_info *info = kzalloc(sizeof(*info));
	if (!info)
		return -ENOMEM;
	int err = ext2_read_inode(&m->fs, ino, &info->raw);
	if (err) {
		kfree(info);
		pr_warn("ext2: %s: cannot read inode %u\n", m->bdev->name, ino);
		return -EIO;
	}
	if (info->raw.i_links_count == 0 || (info->raw.i_mode & S_IFMT) == 0) {
		/* A name for a free inode: never use it (its eviction would free blocks). */
		kfree(info);
		pr_warn("ext2: %s: inode %u is named but free\n", m->bdev->name, ino);
		return ext2_fail(&m->fs, "a directory entry names a free inode");
	}
	struct inode *inode = inode_alloc(&m->sb, info->raw.i_mode);
	if (!inode) {
		kfree(info);
		return -ENOMEM;
	}
	const struct ext2_inode *r = &info->raw;
	info->ino = ino;
	inode->ino = ino;
	inode->priv = info;
	ext2_fill_vfs_inode(inode);
	if (S_ISDIR(r->i_mode)) {
		inode->iops = &ext2_dir_iops;
		inode->fops = &ext2_dir_fops;
	} else if (S_ISLNK(r->i_mode)) {
		inode->iops = &ext2_link_iops;
	} else if (S_ISREG(r->i_mode)) {
		inode->iops = &ext2_file_iops;
		inode->fops = &ext2_file_fops;
	} else if (S_ISCHR(r->i_mode) || S_ISBLK(r->i_mode)) {
		/* Old-style encoding in i_block[0], new-style in i_block[1]. */
		uint32_t d = r->i_block[0] ? r->i_block[0] : r->i_block[1];
		inode->rdev = r->i_block[0] ? vfs_mkdev((d >> 8) & 0xff, d & 0xff)
					    : vfs_mkdev((d & 0xfff00) >> 8, (d & 0xff) | ((d >> 12) & 0xfff00));
	}
	info->next = m->icache[ino % ICACHE_BUCKETS];
	m->icache[ino % ICACHE_BUCKETS] = inode;
	*out = inode;
	return 0;
}

int ext2_mount(const char *devname, unsigned long flags, struct super_block **out)
{
	struct block_device *bdev = blkdev_find(devname);
	if (!bdev)
		return -ENXIO;
	struct ext2_mount *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->bdev = bdev;
	wait_queue_init(&m->lock_wait);
	spin_init(&m->owner_lock, "ext2");
	m->fs.read_block = read_block;
	m->fs.write_block = bdev->readonly ? NULL : write_block;
	m->fs.ctx = m;
	int err = -ENOMEM;
	uint8_t *buf = kmalloc(1024);
	m->fs.scratch = kmalloc(EXT2_SCRATCH_BLOCKS * EXT2_MAX_BLOCK);
	if (!buf || !m->fs.scratch)
		goto out_free;
	err = blkdev_read(bdev, EXT2_SUPER_OFFSET / SECTOR_SIZE, 2, buf);
	if (err) {
		pr_warn("ext2: %s: cannot read the superblock\n", devname);
		goto out_free;
	}
	memcpy(&m->fs.sb, buf, sizeof(m->fs.sb));
	err = ext2_check_super(&m->fs, bdev->nr_sectors * SECTOR_SIZE);
	if (err) {
		pr_warn("ext2: %s: not mountable: %s\n", devname, m->fs.why_read_only);
		goto out_free;
	}
	err = bcache_set_block_size(bdev, m->fs.block_size);
	if (err)
		goto out_free;
	err = -ENOMEM;
	m->fs.gd = kmalloc(ext2_gdt_bytes(&m->fs));
	if (!m->fs.gd)
		goto out_forget;
	err = ext2_load_groups(&m->fs);
	if (err) {
		pr_warn("ext2: %s: cannot read the group descriptors\n", devname);
		goto out_forget;
	}
	if (!m->fs.write_block && !m->fs.read_only) {
		m->fs.read_only = true;
		strlcpy(m->fs.why_read_only, "read-only device", sizeof(m->fs.why_read_only));
	}
	m->judged_ro = m->fs.read_only;
	m->sb.fs_name = "ext2";
	m->sb.dev = vfs_mkdev(bdev->major, bdev->minor);
	m->sb.ops = &ext2_sops;
	m->sb.priv = m;
	m->sb.bdev = bdev;
	m->sb.flags |= SB_DCACHE; /* its names change only through the VFS */
	struct inode *root;
	ext2_lock(m);
	m->fs.read_only = true; /* nothing is written before the mount is decided */
	err = ext2_iget(m, EXT2_ROOT_INO, &root);
	m->fs.read_only = m->judged_ro;
	ext2_unlock(m);
	if (!err && !S_ISDIR(root->mode)) {
		m->fs.read_only = true; /* never free anything of a broken filesystem */
		inode_put(root);
		err = -EINVAL;
	}
	if (err) {
		pr_warn("ext2: %s: no root directory\n", devname);
		goto out_forget;
	}
	m->sb.root = root;
	if (root->nlink < 2 && !m->fs.read_only) {
		m->fs.read_only = m->judged_ro = true;
		strlcpy(m->fs.why_read_only, "bad root directory", sizeof(m->fs.why_read_only));
	}
	if (m->judged_ro || (flags & MS_RDONLY)) {
		m->fs.read_only = true;
		m->sb.flags |= SB_RDONLY;
	} else {
		ext2_lock(m);
		err = ext2_mount_rw(&m->fs);
		ext2_unlock(m);
		if (err) {
			m->fs.read_only = true;
			m->sb.flags |= SB_RDONLY;
			pr_warn("ext2: %s: cannot mark the filesystem mounted (error %d)\n", devname,
				err);
		}
	}
	if (m->judged_ro)
		pr_warn("ext2: %s mounted read-only: %s\n", devname, m->fs.why_read_only);
	else
		pr_info("ext2: %s mounted %s, %u-byte blocks, %u groups\n", devname,
			(m->sb.flags & SB_RDONLY) ? "read-only" : "read-write", m->fs.block_size,
			m->fs.nr_groups);
	kfree(buf);
	*out = &m->sb;
	return 0;
out_forget:
	bcache_forget(bdev);
out_free:
	kfree(buf);
	free_mount(m);
	return err;
}

static int ext2_type_mount(const char *source, unsigned long flags, const char *data,
			   struct super_block **out)
{
	(void)data;
	return ext2_mount(source, flags, out);
}

static struct fs_type ext2_type = {
	.name = "ext2",
	.requires_dev = true,
	.mount = ext2_type_mount,
};

void ext2_register(void)
{
	fs_type_register(&ext2_type);
}
