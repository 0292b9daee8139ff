/*
 * ext2 in the VFS: a mounted filesystem keeps an inode cache keyed by inode
 * number, so one on-disk inode is one struct inode; lookup, readdir, read
 * and readlink call the core (ext2_core.c) under the filesystem's lock.
 * Read-only: FIXME: the write side is the rest of issue 5.
 */
#include <block/blkdev.h>
#include <errno.h>
#include <fs/ext2fs.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <proc/wait.h>
#include <uapi/dirent.h>
#include <uapi/stat.h>

#include "ext2.h"

#define ICACHE_BUCKETS 64

struct ext2_mount {
	struct ext2_fs fs;
	struct block_device *bdev;
	struct super_block sb;
	struct inode *icache[ICACHE_BUCKETS]; /* chained through ext2_inode_info */
	struct wait_queue lock_wait;
	bool locked;
};

struct ext2_inode_info {
	struct ext2_inode raw;
	uint32_t ino;
	struct inode *next; /* hash chain */
};

#define EXT2_MNT(sb) ((struct ext2_mount *)(sb)->priv)
#define EXT2_I(inode) ((struct ext2_inode_info *)(inode)->priv)

static const struct inode_ops ext2_dir_iops, ext2_link_iops;
static const struct file_ops ext2_file_fops, ext2_dir_fops;

static bool try_lock(struct ext2_mount *m)
{
	bool ok = !m->locked;
	m->locked = true;
	return ok;
}

/* One operation at a time per filesystem: the core uses one scratch block. */
static void fs_lock(struct ext2_mount *m)
{
	wait_event(m->lock_wait, try_lock(m));
}

static void fs_unlock(struct ext2_mount *m)
{
	m->locked = false;
	wake_up(&m->lock_wait);
}

static int read_block(void *ctx, uint64_t block, void *buf)
{
	struct ext2_mount *m = ctx;
	uint32_t spb = m->fs.block_size / SECTOR_SIZE;
	return blkdev_read(m->bdev, block * spb, spb, buf);
}

static void evict(struct inode *inode)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	struct ext2_inode_info *info = EXT2_I(inode);
	struct inode **pp = &m->icache[info->ino % ICACHE_BUCKETS];
	while (*pp && *pp != inode)
		pp = &EXT2_I(*pp)->next;
	if (*pp)
		*pp = info->next;
	kfree(info);
}

static const struct super_ops ext2_sops = { .evict_inode = evict };

/* Returns the cached or newly read inode ino with a reference; called with the fs lock held. */
static int iget(struct ext2_mount *m, uint32_t ino, struct inode **out)
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
	struct inode *inode = inode_alloc(&m->sb, info->raw.i_mode);
	if (!inode) {
		kfree(info);
		return -ENOMEM;
	}
	const struct ext2_inode *r = &info->raw;
	info->ino = ino;
	inode->ino = ino;
	inode->priv = info;
	inode->nlink = r->i_links_count;
	inode->uid = r->i_uid;
	inode->gid = r->i_gid;
	inode->size = ext2_inode_size(r);
	inode->blocks = r->i_blocks;
	inode->atime = (struct timespec){ r->i_atime, 0 };
	inode->mtime = (struct timespec){ r->i_mtime, 0 };
	inode->ctime = (struct timespec){ r->i_ctime, 0 };
	if (S_ISDIR(r->i_mode)) {
		inode->iops = &ext2_dir_iops;
		inode->fops = &ext2_dir_fops;
	} else if (S_ISLNK(r->i_mode)) {
		inode->iops = &ext2_link_iops;
	} else if (S_ISREG(r->i_mode)) {
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

static int ext2_lookup(struct inode *dir, const char *name, struct inode **out)
{
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	fs_lock(m);
	uint32_t ino;
	int err = ext2_dir_lookup(&m->fs, &EXT2_I(dir)->raw, name, strlen(name), &ino);
	if (!err)
		err = iget(m, ino, out);
	fs_unlock(m);
	if (err == -EIO)
		pr_warn("ext2: %s: corrupt directory %lu\n", m->bdev->name, dir->ino);
	return err;
}

static int ext2_vfs_readlink(struct inode *inode, char *buf, size_t size)
{
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	fs_lock(m);
	long n = ext2_readlink(&m->fs, &EXT2_I(inode)->raw, buf, size);
	fs_unlock(m);
	return (int)n;
}

static ssize_t ext2_file_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	uint8_t *bounce = kmalloc(PAGE_SIZE);
	if (!bounce)
		return -ENOMEM;
	size_t done = 0;
	ssize_t ret = 0;
	while (uio->len > 0) {
		fs_lock(m);
		long n = ext2_read(&m->fs, &EXT2_I(inode)->raw, *pos, bounce,
				   MIN(uio->len, (size_t)PAGE_SIZE));
		fs_unlock(m);
		if (n < 0) {
			ret = n;
			break;
		}
		if (n == 0)
			break;
		if (uio_copy_out(uio, bounce, (size_t)n)) {
			ret = -EFAULT;
			break;
		}
		*pos += (uint64_t)n;
		done += (size_t)n;
	}
	kfree(bounce);
	return done ? (ssize_t)done : ret;
}

static int ext2_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct ext2_mount *m = EXT2_MNT(dir->sb);
	uint32_t bs = m->fs.block_size;
	uint8_t *block = kmalloc(bs);
	if (!block)
		return -ENOMEM;
	int err = 0;
	/* ctx->pos is the byte offset of the next entry in the directory. */
	while ((uint64_t)ctx->pos < dir->size) {
		uint64_t lblk = (uint64_t)ctx->pos / bs;
		uint32_t pblk;
		fs_lock(m);
		err = ext2_bmap(&m->fs, &EXT2_I(dir)->raw, lblk, &pblk);
		if (!err && pblk)
			err = m->fs.read_block(m->fs.ctx, pblk, block);
		fs_unlock(m);
		if (err)
			break;
		if (!pblk) {
			ctx->pos = (int64_t)((lblk + 1) * bs);
			continue;
		}
		uint32_t off = (uint32_t)(ctx->pos % bs);
		struct ext2_dirent_view e;
		int r;
		uint32_t before = off;
		while ((r = ext2_dirent_next(block, bs, &off, &e)) > 0) {
			if (e.ino) {
				uint32_t mode = e.type == EXT2_FT_DIR ? S_IFDIR
						: e.type == EXT2_FT_SYMLINK ? S_IFLNK
						: e.type == EXT2_FT_CHRDEV ? S_IFCHR
						: e.type == EXT2_FT_BLKDEV ? S_IFBLK
						: e.type == EXT2_FT_FIFO ? S_IFIFO
						: e.type == EXT2_FT_SOCK ? S_IFSOCK : S_IFREG;
				if (!dir_emit(ctx, e.name, e.name_len, e.ino, vfs_dt_type(mode)))
					goto out;
			}
			ctx->pos += off - before;
			before = off;
		}
		if (r < 0) {
			pr_warn("ext2: %s: corrupt directory %lu\n", m->bdev->name, dir->ino);
			err = -EIO;
			break;
		}
		ctx->pos = (int64_t)((lblk + 1) * bs);
	}
out:
	kfree(block);
	return err;
}

static const struct inode_ops ext2_dir_iops = { .lookup = ext2_lookup };
static const struct inode_ops ext2_link_iops = { .readlink = ext2_vfs_readlink };
static const struct file_ops ext2_file_fops = { .read = ext2_file_read };
static const struct file_ops ext2_dir_fops = { .readdir = ext2_readdir };

int ext2_mount(const char *devname, struct super_block **out)
{
	struct block_device *bdev = blkdev_find(devname);
	if (!bdev)
		return -ENODEV;
	struct ext2_mount *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->bdev = bdev;
	wait_queue_init(&m->lock_wait);
	m->fs.read_block = read_block;
	m->fs.ctx = m;
	int err = -ENOMEM;
	uint8_t *buf = kmalloc(1024);
	m->fs.scratch = kmalloc(4096);
	if (!buf || !m->fs.scratch)
		goto fail;
	err = blkdev_read(bdev, EXT2_SUPER_OFFSET / SECTOR_SIZE, 2, buf);
	if (err)
		goto fail;
	memcpy(&m->fs.sb, buf, sizeof(m->fs.sb));
	err = ext2_check_super(&m->fs, bdev->nr_sectors * SECTOR_SIZE);
	if (err) {
		pr_warn("ext2: %s: not mountable: %s\n", devname, m->fs.why_read_only);
		goto fail;
	}
	m->sb.fs_name = "ext2";
	m->sb.dev = vfs_mkdev(bdev->major, bdev->minor);
	m->sb.ops = &ext2_sops;
	m->sb.priv = m;
	struct inode *root;
	fs_lock(m);
	err = iget(m, EXT2_ROOT_INO, &root);
	fs_unlock(m);
	if (err || !S_ISDIR(root->mode)) {
		pr_warn("ext2: %s: no root directory\n", devname);
		err = err ? err : -EINVAL;
		goto fail;
	}
	m->sb.root = root;
	pr_info("ext2: %s mounted read-only, %u-byte blocks, %u groups%s%s\n", devname,
		m->fs.block_size, m->fs.nr_groups, m->fs.read_only ? "; " : "",
		m->fs.read_only ? m->fs.why_read_only : "");
	kfree(buf);
	*out = &m->sb;
	return 0;
fail:
	kfree(buf);
	kfree(m->fs.scratch);
	kfree(m);
	return err;
}
