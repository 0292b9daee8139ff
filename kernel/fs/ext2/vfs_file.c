/*
 * ext2 in the VFS, part three: the file ops of regular files (read, write)
 * and directories (readdir). Data moves through a kernel bounce buffer so
 * user memory is never touched with the filesystem lock held.
 */
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <uapi/dirent.h>
#include <uapi/stat.h>

#include "ext2_vfs.h"

#define BOUNCE_SIZE (64 * 1024)

static ssize_t ext2_file_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	uint8_t *bounce = kmalloc(BOUNCE_SIZE);
	if (!bounce)
		return -ENOMEM;
	size_t done = 0;
	ssize_t ret = 0;
	while (uio->len > 0) {
		ext2_lock(m);
		long n = ext2_read(&m->fs, &EXT2_I(inode)->raw, *pos, bounce,
				   MIN(uio->len, (size_t)BOUNCE_SIZE));
		if (n < 0)
			ext2_fail(&m->fs, "bad block number in a file");
		ext2_check(m, 0);
		ext2_unlock(m);
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

static ssize_t ext2_file_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct ext2_mount *m = EXT2_MNT(inode->sb);
	if (inode_readonly(inode))
		return -EROFS;
	uint8_t *bounce = kmalloc(BOUNCE_SIZE);
	if (!bounce)
		return -ENOMEM;
	size_t done = 0;
	ssize_t ret = 0;
	while (uio->len > 0) {
		size_t n = MIN(uio->len, (size_t)BOUNCE_SIZE);
		if (uio_copy_in(bounce, uio, n)) {
			ret = -EFAULT;
			break;
		}
		ext2_lock(m);
		uint64_t off = (file->flags & O_APPEND) ? inode->size : *pos;
		struct ext2_inode *r = &EXT2_I(inode)->raw;
		long w = ext2_write(&m->fs, r, off, bounce, n);
		if (w > 0) {
			r->i_mtime = r->i_ctime = m->fs.now;
			int err = ext2_update_inode(inode);
			if (err)
				w = err;
		}
		ext2_check(m, 0);
		ext2_unlock(m);
		if (w < 0) {
			ret = w;
			break;
		}
		*pos = off + (uint64_t)w;
		done += (size_t)w;
		if ((size_t)w < n)
			break; /* the disk is full */
	}
	kfree(bounce);
	return done ? (ssize_t)done : ret;
}

static uint32_t dirent_mode(uint8_t type)
{
	switch (type) {
	case EXT2_FT_DIR: return S_IFDIR;
	case EXT2_FT_SYMLINK: return S_IFLNK;
	case EXT2_FT_CHRDEV: return S_IFCHR;
	case EXT2_FT_BLKDEV: return S_IFBLK;
	case EXT2_FT_FIFO: return S_IFIFO;
	case EXT2_FT_SOCK: return S_IFSOCK;
	}
	return S_IFREG;
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
		uint32_t pblk = 0;
		ext2_lock(m);
		err = ext2_bmap(&m->fs, &EXT2_I(dir)->raw, lblk, &pblk);
		if (!err && pblk)
			err = m->fs.read_block(m->fs.ctx, pblk, block);
		ext2_unlock(m);
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
				if (!dir_emit(ctx, e.name, e.name_len, e.ino,
					      vfs_dt_type(dirent_mode(e.type))))
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
	if (err == -EIO) {
		ext2_lock(m);
		ext2_check(m, ext2_fail(&m->fs, "corrupt directory"));
		ext2_unlock(m);
	}
	kfree(block);
	return err;
}

const struct file_ops ext2_file_fops = {.read = ext2_file_read, .write = ext2_file_write};
const struct file_ops ext2_dir_fops = {.readdir = ext2_readdir};
