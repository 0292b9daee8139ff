/*
 * Helpers shared by the disk drivers (ATA/IDE and AHCI): the per-disk
 * request queue, waiting for a completion interrupt with a timeout, DMA
 * memory and address translation, and the sdX naming that runs across
 * controllers.
 *
 * A disk's request queue serves its callers in arrival order, one request at
 * a time: disk_queue_enter() sleeps until every earlier caller has left.
 * Inside, the driver starts one command and sleeps in disk_queue_wait()
 * until its interrupt handler reports completion or the timeout passes.
 */
#ifndef CAIRN_DRIVERS_DISK_H
#define CAIRN_DRIVERS_DISK_H

#include <block/blkdev.h>
#include <proc/wait.h>
#include <spinlock.h>
#include <types.h>

/* How long a command may take before the driver gives up and resets. */
#define DISK_TIMEOUT_NS (5 * 1000000000ULL)

struct disk_queue {
	struct spinlock lock;
	uint64_t next_ticket;      /* handed to the next caller of enter */
	uint64_t serving;          /* the ticket whose owner may issue commands */
	struct wait_queue turn;    /* callers waiting for their ticket */
	struct wait_queue done;    /* the owner waiting for its completion */
	uint64_t timeout_ns;       /* per-command limit, DISK_TIMEOUT_NS by default */
	/*
	 * Test hook: when set, the driver's interrupt handler ignores the next
	 * completion (and clears the flag), as a device that never answers.
	 */
	volatile bool drop_next_completion;
	uint64_t requests;         /* requests served, for the self-tests */
};

void disk_queue_init(struct disk_queue *q);
/* Sleeps until the caller's turn; the caller then owns the device. */
void disk_queue_enter(struct disk_queue *q);
/* Ends the caller's turn and wakes the next one. */
void disk_queue_leave(struct disk_queue *q);
/*
 * Sleeps until *done becomes true (set by the interrupt handler, which then
 * calls wake_up(&q->done)) or q->timeout_ns passes. Returns 0 or -ETIMEDOUT.
 * Called by the queue's owner with interrupts enabled.
 */
int disk_queue_wait(struct disk_queue *q, volatile bool *done);

/* The physical address behind kernel virtual address va, or 0 when unmapped. */
phys_addr_t dma_virt_to_phys(const void *va);
/*
 * Allocates 2^order zeroed physical pages below 4 GiB (for devices with
 * 32-bit DMA addresses). Returns the physical address, or 0.
 */
phys_addr_t dma_alloc_low(unsigned order);

/*
 * Names a new whole disk sda, sdb, ... in registration order across all
 * controllers, sets its major/minor (8, 16 per disk), remembers its request
 * queue and registers it with the block layer (which scans its partitions).
 * Returns 0 or -ENOSPC.
 */
int disk_register(struct block_device *bdev, struct disk_queue *q);
/* The request queue of a disk added by disk_register(), or NULL (for the self-tests). */
struct disk_queue *disk_queue_of(struct block_device *disk);

#endif
