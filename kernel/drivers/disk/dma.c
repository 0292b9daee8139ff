/*
 * DMA memory for the disk drivers and the sdX disk sequence (drivers/disk.h).
 * Disks are only added at boot, from the init thread, so the table needs no lock.
 */
#include <arch/mmu.h>
#include <drivers/disk.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <printk.h>

#define LOW_LIMIT (1ULL << 32)
#define LOW_TRIES 16

phys_addr_t dma_virt_to_phys(const void *va)
{
	phys_addr_t pa;
	if (!mmu_query(&kernel_space, (uintptr_t)va, &pa, NULL))
		return 0;
	return pa;
}

/*
 * The buddy allocator has no zones, so blocks above 4 GiB are set aside until
 * one below turns up, then given back.
 */
phys_addr_t dma_alloc_low(unsigned order)
{
	phys_addr_t rejected[LOW_TRIES];
	unsigned nrej = 0;
	phys_addr_t found = 0;
	while (nrej < LOW_TRIES) {
		phys_addr_t pa = pmm_alloc_pages(order);
		if (!pa)
			break;
		if (pa + (PAGE_SIZE << order) <= LOW_LIMIT) {
			found = pa;
			break;
		}
		rejected[nrej++] = pa;
	}
	while (nrej > 0)
		pmm_free_pages(rejected[--nrej], order);
	if (!found) {
		pr_warn("dma: no memory below 4 GiB for %lu bytes\n", PAGE_SIZE << order);
		return 0;
	}
	memset(phys_to_virt(found), 0, PAGE_SIZE << order);
	return found;
}

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
