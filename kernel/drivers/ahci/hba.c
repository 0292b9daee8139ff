/*
 * AHCI host bus adapters (PCI class 01.06.01): reset, AHCI mode, the shared
 * interrupt, and a disk per port with a SATA device attached.
 *
 * probe: map ABAR (BAR5) -> BIOS handoff -> HBA reset -> AE -> per implemented port: DMA
 * pages, stop/program/start (port.c) -> interrupt handler -> GHC.IE ->
 * IDENTIFY each port's device -> register an sdX block device.
 */
#include <arch/mmu.h>
#include <drivers/pci.h>
#include <errno.h>
#include <irq.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <mm/slab.h>
#include <printk.h>
#include <time.h>

#include "ahci.h"

/* Handles the HBA's (possibly shared, level-triggered) interrupt line. */
static int ahci_interrupt(void *data)
{
	struct ahci_hba *hba = data;
	uint32_t is = ahci_read(hba->abar, HBA_IS);
	if (!is)
		return IRQ_NONE;
	for (unsigned i = 0; i < 32; i++)
		if ((is & (1u << i)) && hba->ports[i])
			ahci_port_interrupt(hba->ports[i]);
		else if (is & (1u << i))
			ahci_write(hba->abar, PORT_BASE(i) + PX_IS, 0xffffffff);
	/* Port bits are cleared before the HBA's, or a level interrupt would return. */
	ahci_write(hba->abar, HBA_IS, is);
	return IRQ_HANDLED;
}

/*
 * Takes the HBA from the firmware when it supports BIOS/OS handoff: sets
 * OS ownership and waits (at most two seconds) for the BIOS to let go.
 */
static void bios_handoff(struct ahci_hba *hba)
{
	if (!(ahci_read(hba->abar, HBA_CAP2) & CAP2_BOH))
		return;
	ahci_write(hba->abar, HBA_BOHC, ahci_read(hba->abar, HBA_BOHC) | BOHC_OOS);
	for (int i = 0; i < 20000; i++) {
		if (!(ahci_read(hba->abar, HBA_BOHC) & BOHC_BOS))
			return;
		udelay_ns(100000);
	}
	pr_warn("ahci: the BIOS keeps the controller; taking it anyway\n");
}

/* Resets the HBA (GHC.HR, at most one second) and enables AHCI mode. */
static int hba_reset(struct ahci_hba *hba)
{
	ahci_write(hba->abar, HBA_GHC, GHC_AE);
	bios_handoff(hba);
	ahci_write(hba->abar, HBA_GHC, GHC_AE | GHC_HR);
	for (int i = 0; i < 10000; i++) {
		if (!(ahci_read(hba->abar, HBA_GHC) & GHC_HR)) {
			ahci_write(hba->abar, HBA_GHC, GHC_AE);
			return 0;
		}
		udelay_ns(100000);
	}
	return -EIO;
}

static void free_port(struct ahci_port *p)
{
	if (p->list_pa)
		pmm_free_pages(p->list_pa, 0);
	if (p->table_pa)
		pmm_free_pages(p->table_pa, 0);
	if (p->bounce_pa)
		pmm_free_pages(p->bounce_pa, AHCI_BOUNCE_ORDER);
	kfree(p);
}

/* Allocates a port's DMA pages and starts it. Returns the port or NULL (no device, no memory). */
static struct ahci_port *port_create(struct ahci_hba *hba, unsigned index)
{
	struct ahci_port *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	p->hba = hba;
	p->index = index;
	p->regs = hba->abar + PORT_BASE(index);
	disk_queue_init(&p->queue);
	/* The command list, FIS area and tables need only 32-bit addresses then. */
	p->list_pa = hba->s64a ? pmm_alloc_zeroed_page() : dma_alloc_low(0);
	p->table_pa = hba->s64a ? pmm_alloc_zeroed_page() : dma_alloc_low(0);
	p->bounce_pa = dma_alloc_low(AHCI_BOUNCE_ORDER);
	if (!p->list_pa || !p->table_pa || !p->bounce_pa)
		goto out_free;
	int err = ahci_port_setup(p);
	if (err) {
		if (err != -ENODEV)
			pr_warn("ahci: port %u does not start (%d)\n", index, err);
		goto out_free;
	}
	return p;
out_free:
	free_port(p);
	return NULL;
}

/* Identifies the device on a started port and registers it as a disk. */
static void port_add_disk(struct ahci_port *p, uint16_t *id)
{
	uint32_t sig = ahci_read(p->regs, PX_SIG);
	if (sig != SIG_ATA) {
		pr_info("ahci: port %u: signature %#x is not an ATA disk, ignored\n", p->index,
			sig);
		return;
	}
	int err = ahci_port_identify(p, id);
	if (err) {
		pr_warn("ahci: port %u: IDENTIFY failed (%d)\n", p->index, err);
		return;
	}
	if (!(id[83] & (1 << 10))) {
		pr_warn("ahci: port %u: disk lacks LBA48, ignored\n", p->index);
		return;
	}
	p->bdev.priv = p;
	p->bdev.ops = &ahci_block_ops;
	p->bdev.nr_sectors = (uint64_t)id[100] | (uint64_t)id[101] << 16 |
			     (uint64_t)id[102] << 32 | (uint64_t)id[103] << 48;
	pr_info("ahci: port %u: ATA disk, %lu sectors, DMA\n", p->index, p->bdev.nr_sectors);
	p->registered = disk_register(&p->bdev, &p->queue) == 0;
}

static int ahci_probe(struct pci_device *pdev)
{
	int irq = pci_irq_line(pdev);
	if (irq < 0)
		return -ENODEV; /* FIXME: MSI when the firmware routed no INTx line */
	struct ahci_hba *hba = kzalloc(sizeof(*hba));
	uint16_t *id = kmalloc(512);
	int err = -ENOMEM;
	if (!hba || !id)
		goto out_free;
	hba->pdev = pdev;
	hba->irq = irq;
	hba->abar = pci_map_bar(pdev, 5);
	err = -ENODEV;
	if (!hba->abar)
		goto out_free;
	pci_enable_bus_master(pdev);
	err = hba_reset(hba);
	if (err)
		goto out_free;
	hba->cap = ahci_read(hba->abar, HBA_CAP);
	hba->s64a = hba->cap & CAP_S64A;
	uint32_t pi = ahci_read(hba->abar, HBA_PI);
	uint32_t vs = ahci_read(hba->abar, HBA_VS);
	pr_info("ahci: %02x:%02x.%u AHCI %x.%x, %u ports (implemented %#x), %s DMA, IRQ %d\n",
		pdev->bus, pdev->dev, pdev->fn, vs >> 16, (vs >> 8) & 0xff,
		(hba->cap & CAP_NP_MASK) + 1, pi, hba->s64a ? "64-bit" : "32-bit", irq);
	for (unsigned i = 0; i < 32; i++)
		if (pi & (1u << i))
			hba->ports[i] = port_create(hba, i);
	err = irq_register((unsigned)irq, ahci_interrupt, hba, "ahci");
	if (err)
		goto out_ports;
	ahci_write(hba->abar, HBA_IS, 0xffffffff);
	ahci_write(hba->abar, HBA_GHC, GHC_AE | GHC_IE);
	for (unsigned i = 0; i < 32; i++)
		if (hba->ports[i])
			port_add_disk(hba->ports[i], id);
	kfree(id);
	return 0;

out_ports:
	hba_reset(hba); /* stops every port before its pages go back */
	for (unsigned i = 0; i < 32; i++)
		if (hba->ports[i])
			free_port(hba->ports[i]);
out_free:
	kfree(id);
	kfree(hba);
	return err;
}

static const struct pci_match ahci_match[] = {
	{ PCI_ANY, PCI_ANY, 0x01, 0x06, 0x01 },
	{ 0 },
};

static struct pci_driver ahci_driver = {
	.name = "ahci",
	.match = ahci_match,
	.probe = ahci_probe,
};

void ahci_init(void)
{
	pci_register_driver(&ahci_driver);
}
