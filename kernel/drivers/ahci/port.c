/*
 * One AHCI port: bring-up, commands through slot 0, completion by interrupt,
 * recovery by port reset, and the block device ops.
 *
 * A command: the caller owns the port's request queue; it fills the command
 * FIS and PRD table, sets PxCI bit 0 and sleeps. The interrupt handler
 * (ahci_port_interrupt, through the HBA's handler) clears PxIS and marks the
 * command done when PxCI bit 0 clears or an error bit is set. A task-file
 * error, a host bus error or a timeout fails the request with -EIO and
 * resets the port, so the next request starts from a clean state.
 */
#include <arch/mmu.h>
#include <errno.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <printk.h>
#include <time.h>

#include "ahci.h"

#define CMD_READ_DMA_EXT 0x25
#define CMD_WRITE_DMA_EXT 0x35
#define CMD_FLUSH_CACHE_EXT 0xea
#define CMD_IDENTIFY 0xec

#define FIS_OFFSET 1024

/* Polls reg until (value & mask) == want, for at most ms milliseconds. */
static bool poll_reg(volatile uint8_t *regs, unsigned reg, uint32_t mask, uint32_t want,
		     unsigned ms)
{
	for (unsigned i = 0; i <= ms * 10; i++) {
		if ((ahci_read(regs, reg) & mask) == want)
			return true;
		udelay_ns(100000);
	}
	return false;
}

static int port_stop(struct ahci_port *p)
{
	uint32_t cmd = ahci_read(p->regs, PX_CMD);
	ahci_write(p->regs, PX_CMD, cmd & ~PXCMD_ST);
	if (!poll_reg(p->regs, PX_CMD, PXCMD_CR, 0, 500))
		return -EIO;
	cmd = ahci_read(p->regs, PX_CMD);
	ahci_write(p->regs, PX_CMD, cmd & ~PXCMD_FRE);
	if (!poll_reg(p->regs, PX_CMD, PXCMD_FR, 0, 500))
		return -EIO;
	return 0;
}

static int port_start(struct ahci_port *p)
{
	ahci_write(p->regs, PX_SERR, 0xffffffff);
	ahci_write(p->regs, PX_IS, 0xffffffff);
	uint32_t cmd = ahci_read(p->regs, PX_CMD);
	ahci_write(p->regs, PX_CMD, cmd | PXCMD_FRE | PXCMD_SUD | PXCMD_POD);
	/* The device must be idle before the command engine starts. */
	if (!poll_reg(p->regs, PX_TFD, TFD_BSY | TFD_DRQ, 0, 1000))
		return -EIO;
	ahci_write(p->regs, PX_IE, PXIS_WANTED);
	cmd = ahci_read(p->regs, PX_CMD);
	ahci_write(p->regs, PX_CMD, cmd | PXCMD_ST);
	return 0;
}

static bool link_up(struct ahci_port *p)
{
	return (ahci_read(p->regs, PX_SSTS) & SSTS_DET_MASK) == SSTS_DET_PRESENT;
}

int ahci_port_setup(struct ahci_port *p)
{
	int err = port_stop(p);
	if (err)
		return err;
	phys_addr_t list = p->list_pa, fis = p->list_pa + FIS_OFFSET;
	ahci_write(p->regs, PX_CLB, (uint32_t)list);
	ahci_write(p->regs, PX_CLBU, (uint32_t)(list >> 32));
	ahci_write(p->regs, PX_FB, (uint32_t)fis);
	ahci_write(p->regs, PX_FBU, (uint32_t)(fis >> 32));
	struct ahci_cmd_header *h = phys_to_virt(p->list_pa);
	h->ctba = (uint32_t)p->table_pa;
	h->ctbau = (uint32_t)(p->table_pa >> 32);
	if (!link_up(p))
		return -ENODEV;
	return port_start(p);
}

/*
 * Recovers a port after an error or a timeout: stops the command engine,
 * sends COMRESET over the link (PxSCTL.DET = 1, then 0), waits for the
 * device and starts again. Returns 0 or -EIO when the port stays dead.
 */
int ahci_port_reset(struct ahci_port *p)
{
	pr_warn("ahci: port %u: reset (PxIS %#x PxTFD %#x PxSERR %#x)\n", p->index,
		p->irq_status, ahci_read(p->regs, PX_TFD), ahci_read(p->regs, PX_SERR));
	port_stop(p); /* a stuck engine is cleared by the COMRESET below anyway */
	uint32_t sctl = ahci_read(p->regs, PX_SCTL) & ~0xfu;
	ahci_write(p->regs, PX_SCTL, sctl | 1);
	udelay_ns(2000000);
	ahci_write(p->regs, PX_SCTL, sctl);
	if (!poll_reg(p->regs, PX_SSTS, SSTS_DET_MASK, SSTS_DET_PRESENT, 1000)) {
		pr_err("ahci: port %u: no link after reset\n", p->index);
		return -EIO;
	}
	int err = port_start(p);
	if (err)
		pr_err("ahci: port %u: device still busy after reset\n", p->index);
	return err;
}

/* Called from the HBA's interrupt handler with the port's PxIS bits pending. */
void ahci_port_interrupt(struct ahci_port *p)
{
	uint32_t is = ahci_read(p->regs, PX_IS);
	ahci_write(p->regs, PX_IS, is);
	p->irq_status |= is;
	bool finished = (is & PXIS_ERRORS) || !(ahci_read(p->regs, PX_CI) & 1);
	if (!finished)
		return;
	if (p->queue.drop_next_completion) {
		p->queue.drop_next_completion = false;
		return;
	}
	p->done = true;
	wake_up(&p->queue.done);
}

/*
 * Fills the PRD table for [buf, buf + bytes): one entry per physically
 * contiguous run, each run split at AHCI_PRD_MAX_BYTES. Returns the number
 * of entries, or -EINVAL when the buffer cannot be reached by DMA directly
 * (odd address, unmapped page, a page above 4 GiB without 64-bit support).
 */
static int build_prds(struct ahci_port *p, struct ahci_prd *prd, const void *buf, size_t bytes)
{
	if ((uintptr_t)buf & 1)
		return -EINVAL;
	int n = 0;
	uintptr_t va = (uintptr_t)buf;
	while (bytes > 0) {
		size_t len = MIN(bytes, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		phys_addr_t pa = dma_virt_to_phys((void *)va);
		if (!pa || (!p->hba->s64a && pa + len > (1ULL << 32)))
			return -EINVAL;
		if (n > 0) {
			struct ahci_prd *last = &prd[n - 1];
			phys_addr_t end = ((phys_addr_t)last->dbau << 32 | last->dba) +
					  (last->dbc & 0x3fffff) + 1;
			size_t have = (last->dbc & 0x3fffff) + 1;
			if (end == pa && have + len <= AHCI_PRD_MAX_BYTES) {
				last->dbc = (uint32_t)(have + len - 1);
				goto next;
			}
		}
		if (n == AHCI_MAX_PRDS)
			return -EINVAL;
		prd[n].dba = (uint32_t)pa;
		prd[n].dbau = (uint32_t)(pa >> 32);
		prd[n].reserved = 0;
		prd[n].dbc = (uint32_t)(len - 1);
		n++;
next:
		va += len;
		bytes -= len;
	}
	return n;
}

/*
 * Runs one command in slot 0 and sleeps until it completes. buf/bytes give
 * the data (bytes = 0 for none). Called with the port's queue owned.
 * Returns 0, -EIO (device error, or a timeout after which the port was
 * reset) or -EINVAL (buffer not reachable by DMA).
 */
static int run_command(struct ahci_port *p, uint8_t command, uint64_t lba, uint32_t count,
		       void *buf, size_t bytes, bool write)
{
	struct ahci_cmd_header *h = phys_to_virt(p->list_pa);
	uint8_t *table = phys_to_virt(p->table_pa);
	struct ahci_prd *prd = (struct ahci_prd *)(table + AHCI_CMD_TABLE_PRDS);
	int nprd = bytes ? build_prds(p, prd, buf, bytes) : 0;
	if (nprd < 0)
		return nprd;
	if (nprd > 0)
		prd[nprd - 1].dbc |= 1u << 31; /* interrupt when the last entry is done */

	uint8_t *fis = table;
	memset(fis, 0, 64);
	fis[0] = FIS_TYPE_REG_H2D;
	fis[1] = FIS_H2D_COMMAND;
	fis[2] = command;
	fis[4] = (uint8_t)lba;
	fis[5] = (uint8_t)(lba >> 8);
	fis[6] = (uint8_t)(lba >> 16);
	fis[7] = 0x40; /* LBA mode */
	fis[8] = (uint8_t)(lba >> 24);
	fis[9] = (uint8_t)(lba >> 32);
	fis[10] = (uint8_t)(lba >> 40);
	fis[12] = (uint8_t)count;
	fis[13] = (uint8_t)(count >> 8);

	h->flags = FIS_H2D_LEN_DWORDS | (write ? CMDH_WRITE : 0);
	h->prdtl = (uint16_t)nprd;
	h->prdbc = 0;

	p->done = false;
	p->irq_status = 0;
	__asm__ volatile("" ::: "memory");
	ahci_write(p->regs, PX_CI, 1);
	int err = disk_queue_wait(&p->queue, &p->done);
	uint32_t tfd = ahci_read(p->regs, PX_TFD);
	if (err || (p->irq_status & PXIS_ERRORS) || (tfd & (TFD_ERR | TFD_BSY | TFD_DRQ))) {
		pr_err("ahci: port %u: command %#x at sector %lu %s (PxIS %#x PxTFD %#x)\n",
		       p->index, command, lba, err ? "timed out" : "failed", p->irq_status,
		       tfd);
		ahci_port_reset(p);
		return -EIO;
	}
	return 0;
}

int ahci_port_identify(struct ahci_port *p, uint16_t *id)
{
	disk_queue_enter(&p->queue);
	uint16_t *bounce = phys_to_virt(p->bounce_pa);
	int err = run_command(p, CMD_IDENTIFY, 0, 0, bounce, 512, false);
	if (!err)
		memcpy(id, bounce, 512);
	disk_queue_leave(&p->queue);
	return err;
}

/*
 * Moves count sectors in pieces of at most AHCI_MAX_SECTORS, straight from
 * the caller's buffer when DMA can reach it, through the bounce buffer
 * otherwise.
 */
static int transfer(struct block_device *bdev, uint64_t lba, uint32_t count, void *buf,
		    bool write)
{
	struct ahci_port *p = bdev->priv;
	uint8_t *bounce = phys_to_virt(p->bounce_pa);
	uint8_t *cur = buf;
	int err = 0;
	disk_queue_enter(&p->queue);
	while (count > 0 && !err) {
		uint32_t n = MIN(count, (uint32_t)AHCI_MAX_SECTORS);
		uint8_t cmd = write ? CMD_WRITE_DMA_EXT : CMD_READ_DMA_EXT;
		err = run_command(p, cmd, lba, n, cur, (size_t)n * SECTOR_SIZE, write);
		if (err == -EINVAL) {
			n = MIN(n, (uint32_t)AHCI_BOUNCE_SECTORS);
			size_t bytes = (size_t)n * SECTOR_SIZE;
			if (write)
				memcpy(bounce, cur, bytes);
			err = run_command(p, cmd, lba, n, bounce, bytes, write);
			if (!err && !write)
				memcpy(cur, bounce, bytes);
		}
		lba += n;
		count -= n;
		cur += (size_t)n * SECTOR_SIZE;
	}
	disk_queue_leave(&p->queue);
	return err;
}

static int ahci_read_sectors(struct block_device *bdev, uint64_t lba, uint32_t count, void *buf)
{
	return transfer(bdev, lba, count, buf, false);
}

static int ahci_write_sectors(struct block_device *bdev, uint64_t lba, uint32_t count,
			      const void *buf)
{
	return transfer(bdev, lba, count, (void *)buf, true);
}

static int ahci_flush(struct block_device *bdev)
{
	struct ahci_port *p = bdev->priv;
	disk_queue_enter(&p->queue);
	int err = run_command(p, CMD_FLUSH_CACHE_EXT, 0, 0, NULL, 0, false);
	disk_queue_leave(&p->queue);
	return err;
}

const struct block_ops ahci_block_ops = {
	.read = ahci_read_sectors,
	.write = ahci_write_sectors,
	.flush = ahci_flush,
};
