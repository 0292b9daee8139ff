/*
 * ATA disks on IDE channels: register layout and the driver's internal types.
 *
 * channel (command block, control port, IRQ, optional bus-master DMA block)
 * -> up to two disks (master, slave) -> block devices sdX.
 *
 * The two disks of a channel share its registers, so the channel owns the
 * request queue: requests to either disk are served in arrival order, one
 * command at a time, and the caller sleeps until the channel's interrupt.
 */
#ifndef CAIRN_DRIVERS_ATA_H
#define CAIRN_DRIVERS_ATA_H

#include <block/blkdev.h>
#include <drivers/disk.h>
#include <types.h>

/* Command block registers, from the channel's base port. */
#define ATA_DATA 0
#define ATA_ERROR 1
#define ATA_COUNT 2
#define ATA_LBA0 3
#define ATA_LBA1 4
#define ATA_LBA2 5
#define ATA_DRIVE 6
#define ATA_STATUS 7
#define ATA_COMMAND 7

/* The control block's device control register (write) / alternate status (read). */
#define ATA_CTRL_NIEN 0x02
#define ATA_CTRL_SRST 0x04

#define ST_ERR 0x01
#define ST_DRQ 0x08
#define ST_DF 0x20
#define ST_BSY 0x80

#define CMD_READ_EXT 0x24
#define CMD_READ_DMA_EXT 0x25
#define CMD_WRITE_EXT 0x34
#define CMD_WRITE_DMA_EXT 0x35
#define CMD_FLUSH_EXT 0xea
#define CMD_IDENTIFY 0xec

/* Bus-master IDE registers (PIIX BAR4), per channel at +0 / +8. */
#define BM_COMMAND 0
#define BM_STATUS 2
#define BM_PRDT 4
#define BM_CMD_START 0x01
#define BM_CMD_TO_MEMORY 0x08 /* the controller writes memory: a device read */
#define BM_ST_ACTIVE 0x01
#define BM_ST_ERROR 0x02
#define BM_ST_IRQ 0x04

/* A physical region descriptor: a region below 4 GiB, not crossing 64 KiB. */
struct ata_prd {
	uint32_t addr;
	uint16_t bytes; /* 0 means 64 KiB */
	uint16_t flags; /* bit 15: last entry */
} __attribute__((packed));

#define PRD_EOT 0x8000

/* Sectors per command: 256 KiB, at most 65 page pieces in the PRD table. */
#define ATA_MAX_SECTORS 512
#define ATA_BOUNCE_ORDER 4
#define ATA_BOUNCE_SECTORS ((PAGE_SIZE << ATA_BOUNCE_ORDER) / SECTOR_SIZE)

struct ata_channel {
	const char *name;
	uint16_t base, ctrl;
	unsigned irq;
	uint16_t bmide;        /* bus-master block, 0 without DMA */
	phys_addr_t prdt_pa;   /* one page below 4 GiB, with bmide */
	phys_addr_t bounce_pa; /* 64 KiB below 4 GiB, with bmide */
	struct disk_queue queue;
	volatile bool done;    /* set by the interrupt handler */
	volatile uint8_t status;    /* device status read by the handler */
	volatile uint8_t bm_status; /* bus-master status read by the handler */
	bool irq_ready;
};

struct ata_disk {
	struct ata_channel *ch;
	bool slave;
	bool dma;
	struct block_device bdev;
};

/* io.c */
int ata_channel_start(struct ata_channel *ch);
bool ata_identify(struct ata_channel *ch, bool slave, uint16_t *id);
extern const struct block_ops ata_block_ops;

#endif
