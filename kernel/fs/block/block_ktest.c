/* Self-tests of the block layer on the boot disk (the test image's IDE disk). */
#include <block/blkdev.h>
#include <errno.h>
#include <ktest.h>
#include <mm/slab.h>

KTEST(block_boot_disk)
{
	struct block_device *sda = blkdev_find("sda");
	KT_ASSERT(sda != NULL);
	uint8_t *buf = kmalloc(2 * SECTOR_SIZE);
	KT_ASSERT(buf);
	KT_ASSERT(blkdev_read(sda, 0, 1, buf) == 0);
	KT_ASSERT(buf[510] == 0x55 && buf[511] == 0xaa);
	/* The image's two partitions: FAT32 /boot at 1 MiB, the ext2 root after it. */
	struct block_device *p1 = blkdev_find("sda1"), *p2 = blkdev_find("sda2");
	KT_ASSERT(p1 && p2);
	KT_ASSERT(p1->start == 2048 && p2->start == p1->start + p1->nr_sectors);
	/* Partition-relative reads: sector 0 of sda1 is the FAT boot sector. */
	KT_ASSERT(blkdev_read(p1, 0, 1, buf) == 0);
	KT_ASSERT(buf[510] == 0x55 && buf[511] == 0xaa && buf[82] == 'F' && buf[83] == 'A');
	/* The ext2 superblock sits 1024 bytes into sda2. */
	KT_ASSERT(blkdev_read(p2, 2, 2, buf) == 0);
	KT_ASSERT(buf[56] == 0x53 && buf[57] == 0xef);
	/* Out of bounds is refused, not wrapped into the neighbour. */
	KT_ASSERT(blkdev_read(p1, p1->nr_sectors, 1, buf) == -EIO);
	KT_ASSERT(blkdev_read(p1, p1->nr_sectors - 1, 2, buf) == -EIO);
	KT_ASSERT(blkdev_read(p1, UINT64_MAX, 1, buf) == -EIO);
	kfree(buf);
	return 0;
}
