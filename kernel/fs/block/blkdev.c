/* The block device registry and bounds-checked I/O (block/blkdev.h). */
#include <block/blkdev.h>
#include <errno.h>
#include <lib/string.h>
#include <printk.h>
#include <spinlock.h>

static LIST_HEAD(devices);
static struct spinlock devices_lock = SPINLOCK_INIT("blkdev");

static void add(struct block_device *dev)
{
	unsigned long flags = spin_lock_irqsave(&devices_lock);
	list_add_tail(&dev->link, &devices);
	spin_unlock_irqrestore(&devices_lock, flags);
}

int blkdev_register_disk(struct block_device *disk)
{
	if (!disk->ops || !disk->ops->read)
		return -EINVAL;
	disk->disk = disk;
	disk->start = 0;
	add(disk);
	pr_info("block: %s, %lu sectors (%lu MiB)%s\n", disk->name, disk->nr_sectors,
		disk->nr_sectors >> 11, disk->readonly ? ", read-only" : "");
	int n = partition_scan(disk);
	if (n < 0)
		pr_warn("block: %s: unreadable partition table (%d)\n", disk->name, n);
	return 0;
}

/* Called by partition_scan for each partition found. */
int blkdev_add_partition(struct block_device *part)
{
	add(part);
	pr_info("block: %s, %lu sectors from %lu\n", part->name, part->nr_sectors, part->start);
	return 0;
}

struct block_device *blkdev_find(const char *name)
{
	struct block_device *d, *found = NULL;
	unsigned long flags = spin_lock_irqsave(&devices_lock);
	list_for_each_entry(d, &devices, link)
	{
		if (!strcmp(d->name, name)) {
			found = d;
			break;
		}
	}
	spin_unlock_irqrestore(&devices_lock, flags);
	return found;
}

void blkdev_for_each(void (*fn)(struct block_device *dev, void *arg), void *arg)
{
	struct block_device *d;
	list_for_each_entry(d, &devices, link)
		fn(d, arg);
}

static bool in_bounds(struct block_device *dev, uint64_t lba, uint32_t count)
{
	return count > 0 && lba < dev->nr_sectors && count <= dev->nr_sectors - lba;
}

int blkdev_read(struct block_device *dev, uint64_t lba, uint32_t count, void *buf)
{
	if (!in_bounds(dev, lba, count))
		return -EIO;
	return dev->disk->ops->read(dev->disk, dev->start + lba, count, buf);
}

int blkdev_write(struct block_device *dev, uint64_t lba, uint32_t count, const void *buf)
{
	if (!in_bounds(dev, lba, count))
		return -EIO;
	if (dev->readonly || dev->disk->readonly || !dev->disk->ops->write)
		return -EROFS;
	return dev->disk->ops->write(dev->disk, dev->start + lba, count, buf);
}

int blkdev_flush(struct block_device *dev)
{
	struct block_device *disk = dev->disk;
	return disk->ops->flush ? disk->ops->flush(disk) : 0;
}
