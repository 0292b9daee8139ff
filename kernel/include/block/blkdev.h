/*
 * Block devices: disks and their partitions, addressed in 512-byte sectors.
 * A driver registers a whole disk with its ops; partition scanning registers
 * each partition as a device that forwards to the disk with an offset. All
 * I/O is bounds-checked here, so a filesystem asking for a block past the end
 * of its partition (a corrupt block number) gets -EIO, not another
 * partition's data.
 */
#ifndef CAIRN_BLOCK_BLKDEV_H
#define CAIRN_BLOCK_BLKDEV_H

#include <list.h>
#include <types.h>

#define SECTOR_SIZE 512
#define BLKDEV_NAME_MAX 16

struct block_device;

struct block_ops {
	/* Transfer count sectors at lba; 0 or -EIO. May sleep. */
	int (*read)(struct block_device *dev, uint64_t lba, uint32_t count, void *buf);
	int (*write)(struct block_device *dev, uint64_t lba, uint32_t count, const void *buf);
	int (*flush)(struct block_device *dev);
};

struct block_device {
	char name[BLKDEV_NAME_MAX];   /* "sda", "sda1" */
	uint64_t nr_sectors;
	uint32_t major, minor;
	bool readonly;
	const struct block_ops *ops;  /* NULL for a partition: it uses its disk's */
	void *priv;
	struct block_device *disk;    /* the whole disk (itself for a disk) */
	uint64_t start;               /* first sector on the disk */
	struct list_head link;
};

/* Adds a disk and scans its partition table. Returns 0 or -Exxx. */
int blkdev_register_disk(struct block_device *disk);
struct block_device *blkdev_find(const char *name);
/* Visits every registered device in registration order. */
void blkdev_for_each(void (*fn)(struct block_device *dev, void *arg), void *arg);

int blkdev_read(struct block_device *dev, uint64_t lba, uint32_t count, void *buf);
int blkdev_write(struct block_device *dev, uint64_t lba, uint32_t count, const void *buf);
int blkdev_flush(struct block_device *dev);

/* Registers the partitions found on disk (MBR, or GPT behind a protective MBR). */
int partition_scan(struct block_device *disk);

#endif
