/*
 * ATA commands on an IDE channel: LBA48 READ/WRITE DMA EXT through the
 * bus-master block when the disk and controller can, PIO otherwise (ATAPI
 * devices are not handled). Completion is interrupt-driven in both modes:
 * the caller sleeps on the channel's queue until IRQ 14/15 (or the PCI line
 * in native mode) fires; PIO takes one interrupt per sector. A device that
 * reports an error or never answers within the queue's timeout fails the
 * request with -EIO after a software reset of the channel, so the next
 * request starts on an idle channel.
 */
#include <arch/io.h>
#include <arch/mmu.h>
#include <errno.h>
#include <irq.h>
#include <lib/string.h>
#include <printk.h>
#include <time.h>

#include "ata.h"

/* Polling bound for the few waits that stay polled (IDENTIFY, reset, PIO write DRQ). */
#define POLL_LIMIT_NS (1000 * 1000000ULL)

static void ata_delay(struct ata_channel *ch)
{
	for (int i = 0; i < 4; i++)
		(void)inb(ch->ctrl); /* 400 ns */
}

/*
 * Polls until BSY clears (and DRQ is set, with want_drq), for at most a
 * second; ERR or DF on the way is the current command's failure.
 */
static int poll_ready(struct ata_channel *ch, bool want_drq)
{
	uint64_t end = clock_monotonic_ns() + POLL_LIMIT_NS;
	do {
		uint8_t st = inb(ch->ctrl); /* alternate status: no interrupt acknowledge */
		if (st & ST_BSY)
			continue;
		if (st & (ST_ERR | ST_DF))
			return -EIO;
		if (!want_drq || (st & ST_DRQ))
			return 0;
	} while (clock_monotonic_ns() < end);
	return -EIO;
}

/*
 * Before a command: polls until the channel is neither busy nor expecting
 * data. ERR may still show the previous command's failure and is ignored.
 */
static int poll_idle(struct ata_channel *ch)
{
	uint64_t end = clock_monotonic_ns() + POLL_LIMIT_NS;
	do {
		if (!(inb(ch->ctrl) & (ST_BSY | ST_DRQ)))
			return 0;
	} while (clock_monotonic_ns() < end);
	return -EIO;
}

static int ata_interrupt(void *data)
{
	struct ata_channel *ch = data;
	if (ch->bmide) {
		uint8_t bms = inb(ch->bmide + BM_STATUS);
		if (!(bms & BM_ST_IRQ) && ch->irq >= 16)
			return IRQ_NONE; /* a shared PCI line raised by someone else */
		ch->bm_status = bms;
		outb(ch->bmide + BM_STATUS, bms | BM_ST_IRQ | BM_ST_ERROR);
	}
	ch->status = inb(ch->base + ATA_STATUS); /* acknowledges the device */
	if (ch->queue.drop_next_completion) {
		ch->queue.drop_next_completion = false;
		return IRQ_HANDLED;
	}
	ch->done = true;
	wake_up(&ch->queue.done);
	return IRQ_HANDLED;
}

int ata_channel_start(struct ata_channel *ch)
{
	disk_queue_init(&ch->queue);
	int err = irq_register(ch->irq, ata_interrupt, ch, ch->name);
	if (err)
		return err;
	outb(ch->ctrl, 0); /* nIEN = 0: the device may interrupt */
	ch->irq_ready = true;
	return 0;
}

/* Software reset of both devices on the channel, after an error or a timeout. */
static void channel_reset(struct ata_channel *ch)
{
	if (ch->bmide)
		outb(ch->bmide + BM_COMMAND, 0);
	outb(ch->ctrl, ATA_CTRL_SRST);
	udelay_ns(10000);
	outb(ch->ctrl, 0);
	udelay_ns(2000000);
	if (poll_idle(ch))
		pr_err("ata: %s: still busy after reset\n", ch->name);
}

static void select_lba(struct ata_disk *d, uint64_t lba, uint16_t count)
{
	struct ata_channel *ch = d->ch;
	outb(ch->base + ATA_DRIVE, 0x40 | (d->slave ? 0x10 : 0));
	ata_delay(ch);
	outb(ch->base + ATA_COUNT, count >> 8);
	outb(ch->base + ATA_LBA0, (uint8_t)(lba >> 24));
	outb(ch->base + ATA_LBA1, (uint8_t)(lba >> 32));
	outb(ch->base + ATA_LBA2, (uint8_t)(lba >> 40));
	outb(ch->base + ATA_COUNT, count & 0xff);
	outb(ch->base + ATA_LBA0, (uint8_t)lba);
	outb(ch->base + ATA_LBA1, (uint8_t)(lba >> 8));
	outb(ch->base + ATA_LBA2, (uint8_t)(lba >> 16));
}

/*
 * Sleeps until the channel interrupts; 0, or -EIO after the queue's timeout
 * (the caller resets the channel on any failure).
 */
static int wait_irq(struct ata_channel *ch)
{
	int err = disk_queue_wait(&ch->queue, &ch->done);
	ch->done = false;
	if (err) {
		pr_err("ata: %s: device timed out\n", ch->name);
		return -EIO;
	}
	return 0;
}

/* PIO transfer of n <= 65536 sectors, one interrupt per sector. */
static int pio_transfer(struct ata_disk *d, uint64_t lba, uint32_t n, uint16_t *p, bool write)
{
	struct ata_channel *ch = d->ch;
	int err = poll_idle(ch);
	if (err)
		return err;
	ch->done = false;
	select_lba(d, lba, (uint16_t)n);
	outb(ch->base + ATA_COMMAND, write ? CMD_WRITE_EXT : CMD_READ_EXT);
	for (uint32_t s = 0; s < n; s++) {
		if (write) {
			/* The first sector is asked for without an interrupt. */
			if (s == 0) {
				ata_delay(ch);
				err = poll_ready(ch, true);
			} else {
				err = wait_irq(ch);
				if (!err && (ch->status & (ST_ERR | ST_DF | ST_DRQ)) != ST_DRQ)
					err = -EIO;
			}
			if (err)
				break;
			for (int w = 0; w < 256; w++)
				outw(ch->base + ATA_DATA, *p++);
		} else {
			err = wait_irq(ch);
			if (!err && (ch->status & (ST_ERR | ST_DF | ST_DRQ)) != ST_DRQ)
				err = -EIO;
			if (err)
				break;
			for (int w = 0; w < 256; w++)
				*p++ = inw(ch->base + ATA_DATA);
		}
	}
	if (!err && write) {
		err = wait_irq(ch);
		if (!err && (ch->status & (ST_ERR | ST_DF | ST_BSY)))
			err = -EIO;
	}
	return err;
}

/*
 * Fills the PRD table with one entry per page piece of [buf, buf + bytes).
 * Returns 0, or -EINVAL when DMA cannot reach the buffer (odd address,
 * unmapped, above 4 GiB).
 */
static int build_prds(struct ata_channel *ch, const void *buf, size_t bytes)
{
	struct ata_prd *prd = phys_to_virt(ch->prdt_pa);
	if ((uintptr_t)buf & 1)
		return -EINVAL;
	unsigned n = 0;
	uintptr_t va = (uintptr_t)buf;
	while (bytes > 0) {
		size_t len = MIN(bytes, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		phys_addr_t pa = dma_virt_to_phys((void *)va);
		if (!pa || pa + len > (1ULL << 32) || n == PAGE_SIZE / sizeof(*prd))
			return -EINVAL;
		prd[n].addr = (uint32_t)pa;
		prd[n].bytes = (uint16_t)len;
		prd[n].flags = 0;
		n++;
		va += len;
		bytes -= len;
	}
	prd[n - 1].flags = PRD_EOT;
	return 0;
}

/* One bus-master DMA command; the buffer must pass build_prds. */
static int dma_transfer(struct ata_disk *d, uint64_t lba, uint32_t n, void *buf, bool write)
{
	struct ata_channel *ch = d->ch;
	int err = build_prds(ch, buf, (size_t)n * SECTOR_SIZE);
	if (err)
		return err;
	err = poll_idle(ch);
	if (err)
		return err;
	uint8_t dir = write ? 0 : BM_CMD_TO_MEMORY;
	outb(ch->bmide + BM_COMMAND, 0);
	outl(ch->bmide + BM_PRDT, (uint32_t)ch->prdt_pa);
	/* IRQ and ERROR clear when written as 1; the drive-capable bits are kept. */
	outb(ch->bmide + BM_STATUS, inb(ch->bmide + BM_STATUS) | BM_ST_IRQ | BM_ST_ERROR);
	outb(ch->bmide + BM_COMMAND, dir);
	ch->done = false;
	ch->bm_status = 0;
	select_lba(d, lba, (uint16_t)n);
	__asm__ volatile("" ::: "memory");
	outb(ch->base + ATA_COMMAND, write ? CMD_WRITE_DMA_EXT : CMD_READ_DMA_EXT);
	outb(ch->bmide + BM_COMMAND, dir | BM_CMD_START);
	err = wait_irq(ch);
	outb(ch->bmide + BM_COMMAND, 0);
	if (err)
		return -EIO;
	if ((ch->bm_status & BM_ST_ERROR) || (ch->status & (ST_ERR | ST_DF | ST_BSY | ST_DRQ)))
		return -EIO;
	return 0;
}

/*
 * DMA from the caller's buffer when the controller can reach it, else through
 * the channel's bounce buffer; the bounce path moves at most 64 KiB per command.
 * Returns the sectors moved (> 0) or -Exxx.
 */
static int dma_piece(struct ata_disk *d, uint64_t lba, uint32_t n, uint8_t *buf, bool write)
{
	struct ata_channel *ch = d->ch;
	int err = dma_transfer(d, lba, n, buf, write);
	if (err != -EINVAL)
		return err ? err : (int)n;
	n = MIN(n, (uint32_t)ATA_BOUNCE_SECTORS);
	uint8_t *bounce = phys_to_virt(ch->bounce_pa);
	size_t bytes = (size_t)n * SECTOR_SIZE;
	if (write)
		memcpy(bounce, buf, bytes);
	err = dma_transfer(d, lba, n, bounce, write);
	if (!err && !write)
		memcpy(buf, bounce, bytes);
	return err ? err : (int)n;
}

static int ata_transfer(struct block_device *bdev, uint64_t lba, uint32_t count, void *buf,
			bool write)
{
	struct ata_disk *d = bdev->priv;
	struct ata_channel *ch = d->ch;
	uint8_t *p = buf;
	int err = 0;
	disk_queue_enter(&ch->queue);
	while (count > 0) {
		uint32_t n = MIN(count, (uint32_t)ATA_MAX_SECTORS);
		if (d->dma) {
			int moved = dma_piece(d, lba, n, p, write);
			if (moved < 0) {
				err = moved;
				break;
			}
			n = (uint32_t)moved;
		} else {
			err = pio_transfer(d, lba, n, (uint16_t *)p, write);
			if (err)
				break;
		}
		lba += n;
		count -= n;
		p += (size_t)n * SECTOR_SIZE;
	}
	if (err) {
		pr_err("ata: %s: %s error at sector %lu\n", bdev->name, write ? "write" : "read", lba);
		channel_reset(ch);
		err = -EIO;
	}
	disk_queue_leave(&ch->queue);
	return err;
}

static int ata_read(struct block_device *bdev, uint64_t lba, uint32_t count, void *buf)
{
	return ata_transfer(bdev, lba, count, buf, false);
}

static int ata_write(struct block_device *bdev, uint64_t lba, uint32_t count, const void *buf)
{
	return ata_transfer(bdev, lba, count, (void *)buf, true);
}

static int ata_flush(struct block_device *bdev)
{
	struct ata_disk *d = bdev->priv;
	struct ata_channel *ch = d->ch;
	disk_queue_enter(&ch->queue);
	int err = poll_idle(ch);
	if (!err) {
		ch->done = false;
		outb(ch->base + ATA_DRIVE, d->slave ? 0xb0 : 0xa0);
		ata_delay(ch);
		outb(ch->base + ATA_COMMAND, CMD_FLUSH_EXT);
		err = wait_irq(ch);
		if (!err && (ch->status & (ST_ERR | ST_DF)))
			err = -EIO;
	}
	if (err) {
		pr_err("ata: %s: flush failed\n", bdev->name);
		channel_reset(ch);
	}
	disk_queue_leave(&ch->queue);
	return err;
}

const struct block_ops ata_block_ops = {
	.read = ata_read,
	.write = ata_write,
	.flush = ata_flush,
};

/*
 * Sends IDENTIFY DEVICE, polled (at probe time, before the channel's
 * interrupt is registered); fills id[256] and returns true for an ATA (not
 * ATAPI) disk.
 */
bool ata_identify(struct ata_channel *ch, bool slave, uint16_t *id)
{
	if (inb(ch->base + ATA_STATUS) == 0xff)
		return false; /* floating bus: no controller */
	outb(ch->base + ATA_DRIVE, slave ? 0xb0 : 0xa0);
	ata_delay(ch);
	outb(ch->base + ATA_COUNT, 0);
	outb(ch->base + ATA_LBA0, 0);
	outb(ch->base + ATA_LBA1, 0);
	outb(ch->base + ATA_LBA2, 0);
	outb(ch->base + ATA_COMMAND, CMD_IDENTIFY);
	ata_delay(ch);
	if (inb(ch->base + ATA_STATUS) == 0)
		return false;
	uint64_t end = clock_monotonic_ns() + POLL_LIMIT_NS;
	while ((inb(ch->base + ATA_STATUS) & ST_BSY) && clock_monotonic_ns() < end)
		;
	if (inb(ch->base + ATA_LBA1) || inb(ch->base + ATA_LBA2))
		return false; /* ATAPI or SATA signature */
	if (poll_ready(ch, true))
		return false;
	for (int i = 0; i < 256; i++)
		id[i] = inw(ch->base + ATA_DATA);
	(void)inb(ch->base + ATA_STATUS); /* acknowledges the device's interrupt */
	return true;
}
