/*
 * FAT32 regular files in the VFS: read and write through a bounce page (the
 * copy to or from user memory happens outside the filesystem lock), with
 * the directory entry's size, first cluster and times updated after each
 * write (in the sector cache; on the disk at sync_fs).
 */
#include <errno.h>
#include <mm/page.h>
#include <mm/slab.h>

#include "fat_vfs.h"

static ssize_t fat_file_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct fat_mount *m = FAT_MNT(inode->sb);
	uint8_t *bounce = kmalloc(PAGE_SIZE);
	if (!bounce)
		return -ENOMEM;
	size_t done = 0;
	ssize_t ret = 0;
	while (uio->len > 0) {
		fat_lock(m);
		long n = fat_read(&m->fs, &FAT_I(inode)->node, *pos, bounce,
				  MIN(uio->len, (size_t)PAGE_SIZE));
		fat_unlock(m);
		if (n <= 0) {
			ret = n;
			break;
		}
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

static ssize_t fat_file_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	struct inode *inode = file->inode;
	struct fat_mount *m = FAT_MNT(inode->sb);
	uint8_t *bounce = kmalloc(PAGE_SIZE);
	if (!bounce)
		return -ENOMEM;
	size_t done = 0;
	ssize_t ret = 0;
	if (file->flags & O_APPEND)
		*pos = inode->size;
	while (uio->len > 0) {
		size_t chunk = MIN(uio->len, (size_t)PAGE_SIZE);
		if (uio_copy_in(bounce, uio, chunk)) {
			ret = -EFAULT;
			break;
		}
		fat_lock(m);
		long n = fat_write(&m->fs, &FAT_I(inode)->node, *pos, bounce, chunk);
		inode->mtime = inode->ctime = vfs_now();
		int err = fat_write_entry(m, inode);
		fat_unlock(m);
		if (n <= 0 || err) {
			ret = n < 0 ? n : err ? err : -ENOSPC;
			if (n > 0)
				done += (size_t)n, *pos += (uint64_t)n;
			break;
		}
		*pos += (uint64_t)n;
		done += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	kfree(bounce);
	return done ? (ssize_t)done : ret;
}

const struct file_ops fat_file_fops = {
	.read = fat_file_read,
	.write = fat_file_write,
};
