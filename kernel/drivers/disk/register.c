/*
 * The sdX disk sequence across controllers (drivers/disk.h). Disks are only
 * added at boot, from the init thread, so the table needs no lock.
 */
#include <drivers/disk.h>
#include <errno.h>
#include <printk.h>

#define MAX_DISKS 26

static struct {
	struct block_device *bdev;
	struct disk_queue *queue;
} disks[MAX_DISKS];
static unsigned disks_named;

int disk_register(struct block_device *bdev, struct disk_queue *q)
{
	if (disks_named >= MAX_DISKS)
		return -ENOSPC;
	unsigned n = disks_named++;
	ksnprintf(bdev->name, sizeof(bdev->name), "sd%c", 'a' + n);
	bdev->major = 8;
	bdev->minor = n * 16;
	disks[n].bdev = bdev;
	disks[n].queue = q;
	return blkdev_register_disk(bdev);
}

struct disk_queue *disk_queue_of(struct block_device *disk)
{
	for (unsigned i = 0; i < disks_named; i++)
		if (disks[i].bdev == disk)
			return disks[i].queue;
	return NULL;
}
