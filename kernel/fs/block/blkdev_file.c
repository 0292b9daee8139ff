/*
 * Block device nodes: open(2) on an S_IFBLK inode reaches the block device
 * with that device number (fs/chrdev.h: blkdev_file_lookup). The file is
 * the device's bytes: reads and writes at any byte offset go through a
 * sector-aligned bounce buffer to blkdev_read()/blkdev_write(), which check
 * the bounds; a transfer stops at the end of the device (a read returns 0
 * there, a write -ENOSPC). lseek works relative to the device's size, and
 * ioctl answers BLKGETSIZE64, BLKGETSIZE, BLKSSZGET and BLKFLSBUF.
 *
 * FIXME: there is no block cache yet, so a filesystem mounted from the
 * same device does not see writes made through its node (nor the reverse)
 * until it rereads the blocks.
 */
#include <block/blkdev.h>
#include <errno.h>
#include <fs/chrdev.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <uaccess.h>
#include <uapi/fs.h>

/* The bounce buffer: this many sectors per device transfer. */
#define BOUNCE_SECTORS 8
#define BOUNCE_SIZE    (BOUNCE_SECTORS * SECTOR_SIZE)

struct rdev_find {
	uint64_t rdev;
	struct block_device *found;
};

static void match_rdev(struct block_device *dev, void *arg)
{
	struct rdev_find *f = arg;
	if (!f->found && vfs_mkdev(dev->major, dev->minor) == f->rdev)
		f->found = dev;
}

static struct block_device *blkdev_by_rdev(uint64_t rdev)
{
	struct rdev_find f = {.rdev = rdev};
	blkdev_for_each(match_rdev, &f);
	return f.found;
}

static uint64_t dev_bytes(const struct block_device *dev)
{
	return dev->nr_sectors * SECTOR_SIZE;
}

static int blkfile_open(struct inode *inode, struct file *file)
{
	struct block_device *dev = blkdev_by_rdev(inode->rdev);
	if (!dev)
		return -ENXIO;
	file->priv = dev;
	return 0;
}

/*
 * Moves up to uio->len bytes between the device at *pos and the uio; write
 * says which way. Partial sectors are read, patched and written back. The
 * node's inode lock serialises transfers through it.
 */
static ssize_t blkfile_rw(struct file *file, struct uio *uio, uint64_t *pos, bool write)
{
	struct block_device *dev = file->priv;
	uint64_t size = dev_bytes(dev), off = *pos;
	size_t done = 0;
	int err = 0;

	if (off >= size)
		return write ? -ENOSPC : 0;
	size_t want = (size_t)MIN((uint64_t)uio->len, size - off);
	char *bounce = kmalloc(BOUNCE_SIZE);
	if (!bounce)
		return -ENOMEM;
	inode_lock(file->inode);
	while (done < want) {
		uint64_t at = off + done;
		uint64_t lba = at / SECTOR_SIZE;
		size_t in = at % SECTOR_SIZE;
		size_t chunk = MIN(want - done, BOUNCE_SIZE - in);
		uint32_t count = (uint32_t)((in + chunk + SECTOR_SIZE - 1) / SECTOR_SIZE);

		bool whole = in == 0 && chunk % SECTOR_SIZE == 0;
		if (!write || !whole) {
			err = blkdev_read(dev, lba, count, bounce);
			if (err)
				break;
		}
		if (write) {
			err = uio_copy_in(bounce + in, uio, chunk);
			if (!err)
				err = blkdev_write(dev, lba, count, bounce);
		} else {
			err = uio_copy_out(uio, bounce + in, chunk);
		}
		if (err)
			break;
		done += chunk;
	}
	inode_unlock(file->inode);
	kfree(bounce);
	*pos = off + done;
	return done ? (ssize_t)done : err;
}

static ssize_t blkfile_read(struct file *file, struct uio *uio, uint64_t *pos)
{
	return blkfile_rw(file, uio, pos, false);
}

static ssize_t blkfile_write(struct file *file, struct uio *uio, uint64_t *pos)
{
	return blkfile_rw(file, uio, pos, true);
}

/* Like generic_file_llseek, with the device's size for SEEK_END; no SEEK_DATA or SEEK_HOLE. */
static int64_t blkfile_llseek(struct file *file, int64_t off, int whence)
{
	struct block_device *dev = file->priv;
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
		return -EINVAL;
	return llseek_with_size(file, off, whence, (int64_t)dev_bytes(dev));
}

static long blkfile_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct block_device *dev = file->priv;

	switch (cmd) {
	case BLKGETSIZE64: {
		uint64_t bytes = dev_bytes(dev);
		return copy_to_user((void *)arg, &bytes, sizeof(bytes));
	}
	case BLKGETSIZE: {
		unsigned long sectors = dev->nr_sectors;
		return copy_to_user((void *)arg, &sectors, sizeof(sectors));
	}
	case BLKSSZGET: {
		int ssz = SECTOR_SIZE;
		return copy_to_user((void *)arg, &ssz, sizeof(ssz));
	}
	case BLKFLSBUF:
		return blkdev_flush(dev);
	default:
		return -ENOTTY;
	}
}

static const struct file_ops blkfile_fops = {
    .open = blkfile_open,
    .read = blkfile_read,
    .write = blkfile_write,
    .llseek = blkfile_llseek,
    .ioctl = blkfile_ioctl,
};

const struct file_ops *blkdev_file_lookup(uint64_t rdev)
{
	return blkdev_by_rdev(rdev) ? &blkfile_fops : NULL;
}
