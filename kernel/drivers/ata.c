/*
 * ATA disks on the legacy IDE ports (QEMU's PIIX controller, -drive if=ide),
 * programmed I/O with LBA48 addressing and polling.
 *
 * FIXME: bus-master DMA and IRQ-driven completion (issue 5); until then each
 * transfer polls with interrupts off on its channel, up to 256 sectors at a
 * time. Every wait has a bound: a device that never answers gives -EIO.
 */
#include <arch/io.h>
#include <block/blkdev.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>

#define ATA_DATA 0
#define ATA_ERROR 1
#define ATA_COUNT 2
#define ATA_LBA0 3
#define ATA_LBA1 4
#define ATA_LBA2 5
#define ATA_DRIVE 6
#define ATA_STATUS 7
#define ATA_COMMAND 7

#define ST_ERR 0x01
#define ST_DRQ 0x08
#define ST_DF 0x20
#define ST_BSY 0x80

#define CMD_READ_EXT 0x24
#define CMD_WRITE_EXT 0x34
#define CMD_FLUSH_EXT 0xea
#define CMD_IDENTIFY 0xec

#define SPIN_LIMIT 10000000

struct ata_channel {
	uint16_t base, ctrl;
	struct spinlock lock;
};

struct ata_disk {
	struct ata_channel *ch;
	bool slave;
	struct block_device bdev;
};

static struct ata_channel channels[2] = {
	{ 0x1f0, 0x3f6, SPINLOCK_INIT("ata0") },
	{ 0x170, 0x376, SPINLOCK_INIT("ata1") },
};

static void ata_delay(struct ata_channel *ch)
{
	for (int i = 0; i < 4; i++)
		(void)inb(ch->ctrl); /* 400 ns */
}

/* Waits until BSY clears; with want_drq, until DRQ is set. 0 or -EIO. */
static int ata_wait(struct ata_channel *ch, bool want_drq)
{
	for (int i = 0; i < SPIN_LIMIT; i++) {
		uint8_t st = inb(ch->base + ATA_STATUS);
		if (st & ST_BSY)
			continue;
		if (st & (ST_ERR | ST_DF))
			return -EIO;
		if (!want_drq || (st & ST_DRQ))
			return 0;
	}
	return -EIO;
}

static void ata_select(struct ata_disk *d, uint64_t lba, uint16_t count)
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

static int ata_transfer(struct block_device *bdev, uint64_t lba, uint32_t count, void *buf,
			bool write)
{
	struct ata_disk *d = bdev->priv;
	struct ata_channel *ch = d->ch;
	uint16_t *p = buf;
	int err = 0;
	while (count > 0 && !err) {
		uint32_t n = MIN(count, 256u);
		unsigned long flags = spin_lock_irqsave(&ch->lock);
		ata_select(d, lba, (uint16_t)(n == 256 ? 256 : n));
		outb(ch->base + ATA_COMMAND, write ? CMD_WRITE_EXT : CMD_READ_EXT);
		for (uint32_t s = 0; s < n && !err; s++) {
			ata_delay(ch);
			err = ata_wait(ch, true);
			if (err)
				break;
			if (write) {
				for (int w = 0; w < 256; w++)
					outw(ch->base + ATA_DATA, *p++);
			} else {
				for (int w = 0; w < 256; w++)
					*p++ = inw(ch->base + ATA_DATA);
			}
		}
		if (!err && write) {
			ata_delay(ch);
			err = ata_wait(ch, false);
		}
		spin_unlock_irqrestore(&ch->lock, flags);
		lba += n;
		count -= n;
	}
	if (err)
		pr_err("ata: %s: %s error at sector %lu\n", bdev->name, write ? "write" : "read", lba);
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
	unsigned long flags = spin_lock_irqsave(&d->ch->lock);
	outb(d->ch->base + ATA_DRIVE, d->slave ? 0xb0 : 0xa0);
	ata_delay(d->ch);
	outb(d->ch->base + ATA_COMMAND, CMD_FLUSH_EXT);
	ata_delay(d->ch);
	int err = ata_wait(d->ch, false);
	spin_unlock_irqrestore(&d->ch->lock, flags);
	return err;
}

static const struct block_ops ata_ops = {
	.read = ata_read,
	.write = ata_write,
	.flush = ata_flush,
};

/* Sends IDENTIFY; fills id[256] and returns true for an ATA (not ATAPI) disk. */
static bool ata_identify(struct ata_channel *ch, bool slave, uint16_t *id)
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
	for (int i = 0; i < SPIN_LIMIT; i++) {
		uint8_t st = inb(ch->base + ATA_STATUS);
		if (!(st & ST_BSY))
			break;
	}
	if (inb(ch->base + ATA_LBA1) || inb(ch->base + ATA_LBA2))
		return false; /* ATAPI or SATA signature */
	if (ata_wait(ch, true))
		return false;
	for (int i = 0; i < 256; i++)
		id[i] = inw(ch->base + ATA_DATA);
	return true;
}

void ata_init(void)
{
	uint16_t *id = kmalloc(512);
	if (!id)
		return;
	char letter = 'a';
	for (int c = 0; c < 2; c++) {
		for (int s = 0; s < 2; s++) {
			unsigned long flags = spin_lock_irqsave(&channels[c].lock);
			bool present = ata_identify(&channels[c], s, id);
			spin_unlock_irqrestore(&channels[c].lock, flags);
			if (!present)
				continue;
			if (!(id[83] & (1 << 10))) {
				pr_warn("ata: disk %d.%d lacks LBA48, ignored\n", c, s);
				continue;
			}
			struct ata_disk *d = kzalloc(sizeof(*d));
			if (!d)
				break;
			d->ch = &channels[c];
			d->slave = s;
			d->bdev.priv = d;
			d->bdev.ops = &ata_ops;
			d->bdev.nr_sectors = (uint64_t)id[100] | (uint64_t)id[101] << 16 |
					     (uint64_t)id[102] << 32 | (uint64_t)id[103] << 48;
			d->bdev.major = 8;
			d->bdev.minor = (uint32_t)(letter - 'a') * 16;
			ksnprintf(d->bdev.name, sizeof(d->bdev.name), "sd%c", letter++);
			blkdev_register_disk(&d->bdev);
		}
	}
	kfree(id);
}
