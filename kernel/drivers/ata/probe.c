/*
 * Finding IDE channels and their disks.
 *
 * The PCI IDE function (class 01.01, QEMU's PIIX3) gives the bus-master
 * block (BAR4) and, for a channel in native mode, its ports (BAR0-3) and
 * PCI interrupt line; a channel in compatibility mode sits at the legacy
 * ports with ISA IRQ 14 (primary) or 15 (secondary). Without a PCI IDE
 * function the legacy channels are still probed, PIO only.
 *
 * The kernel argument ata_pio turns DMA off (for comparisons).
 */
#include <arch/io.h>
#include <cmdline.h>
#include <drivers/pci.h>
#include <errno.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <printk.h>

#include "ata.h"

#define PROGIF_PRIMARY_NATIVE 0x01
#define PROGIF_SECONDARY_NATIVE 0x04
#define PROGIF_BUS_MASTER 0x80

#define ID_CAPABILITIES 49
#define ID_CAP_DMA (1 << 8)

static struct ata_channel channels[2] = {
	{ .name = "ata0", .base = 0x1f0, .ctrl = 0x3f6, .irq = 14 },
	{ .name = "ata1", .base = 0x170, .ctrl = 0x376, .irq = 15 },
};

static bool pci_seen;

static void add_disk(struct ata_channel *ch, bool slave, const uint16_t *id)
{
	if (!(id[83] & (1 << 10))) {
		pr_warn("ata: %s: %s lacks LBA48, ignored\n", ch->name, slave ? "slave" : "master");
		return;
	}
	struct ata_disk *d = kzalloc(sizeof(*d));
	if (!d)
		return;
	d->ch = ch;
	d->slave = slave;
	d->dma = ch->bmide && (id[ID_CAPABILITIES] & ID_CAP_DMA) && !cmdline_has("ata_pio");
	d->bdev.priv = d;
	d->bdev.ops = &ata_block_ops;
	d->bdev.nr_sectors = (uint64_t)id[100] | (uint64_t)id[101] << 16 |
			     (uint64_t)id[102] << 32 | (uint64_t)id[103] << 48;
	pr_info("ata: %s %s: %s, IRQ %u\n", ch->name, slave ? "slave" : "master",
		d->dma ? "bus-master DMA" : "PIO", ch->irq);
	if (disk_register(&d->bdev, &ch->queue))
		kfree(d);
}

/* Identifies both positions of a channel, starts it and registers its disks. */
static void probe_channel(struct ata_channel *ch)
{
	uint16_t *id = kmalloc(2 * 512);
	if (!id)
		return;
	bool present[2];
	for (int s = 0; s < 2; s++)
		present[s] = ata_identify(ch, s, id + 256 * s);
	if (!present[0] && !present[1])
		goto out;
	int err = ata_channel_start(ch);
	if (err) {
		pr_warn("ata: %s: no interrupt line (%d), disks ignored\n", ch->name, err);
		goto out;
	}
	for (int s = 0; s < 2; s++)
		if (present[s])
			add_disk(ch, s, id + 256 * s);
out:
	kfree(id);
}

/* Gives a channel the bus-master block at bm, with its PRD table and bounce buffer. */
static void setup_dma(struct ata_channel *ch, uint16_t bm)
{
	ch->prdt_pa = dma_alloc_low(0);
	ch->bounce_pa = dma_alloc_low(ATA_BOUNCE_ORDER);
	if (!ch->prdt_pa || !ch->bounce_pa) {
		if (ch->prdt_pa)
			pmm_free_pages(ch->prdt_pa, 0);
		if (ch->bounce_pa)
			pmm_free_pages(ch->bounce_pa, ATA_BOUNCE_ORDER);
		return;
	}
	ch->bmide = bm;
}

static int ata_pci_probe(struct pci_device *pdev)
{
	if (pci_seen)
		return -EBUSY; /* the legacy ports belong to the first controller */
	pci_seen = true;
	struct pci_bar *bm = &pdev->bar[4];
	bool dma = (pdev->progif & PROGIF_BUS_MASTER) && bm->io && bm->size >= 16;
	for (int c = 0; c < 2; c++) {
		struct ata_channel *ch = &channels[c];
		unsigned native = c == 0 ? PROGIF_PRIMARY_NATIVE : PROGIF_SECONDARY_NATIVE;
		if (pdev->progif & native) {
			struct pci_bar *cmd = &pdev->bar[2 * c], *ctl = &pdev->bar[2 * c + 1];
			int irq = pci_irq_line(pdev);
			if (!cmd->io || !ctl->io || irq < 0)
				continue;
			ch->base = (uint16_t)cmd->base;
			ch->ctrl = (uint16_t)ctl->base + 2;
			ch->irq = (unsigned)irq;
		}
		if (dma)
			setup_dma(ch, (uint16_t)(bm->base + 8 * c));
	}
	if (dma)
		pci_enable_bus_master(pdev);
	pr_debug("ata: %02x:%02x.%u IDE controller, %s\n", pdev->bus, pdev->dev, pdev->fn,
		dma ? "bus-master DMA" : "no DMA");
	for (int c = 0; c < 2; c++)
		probe_channel(&channels[c]);
	return 0;
}

static const struct pci_match ata_match[] = {
	{ PCI_ANY, PCI_ANY, 0x01, 0x01, PCI_ANY },
	{ 0 },
};

static struct pci_driver ata_driver = {
	.name = "ata",
	.match = ata_match,
	.probe = ata_pci_probe,
};

void ata_init(void)
{
	pci_register_driver(&ata_driver);
	if (!pci_seen)
		for (int c = 0; c < 2; c++)
			probe_channel(&channels[c]);
}
