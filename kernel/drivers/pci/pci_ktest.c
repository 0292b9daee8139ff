/*
 * PCI self-tests on QEMU's pc machine: the functions it always has are found
 * with the right IDs, classes and BARs, configuration writes land, and the
 * driver registry probes exactly the matching devices.
 */
#include <drivers/pci.h>
#include <errno.h>
#include <ktest.h>

struct find {
	uint16_t vendor, device;
	struct pci_device *found;
	unsigned count;
};

static void find_fn(struct pci_device *p, void *arg)
{
	struct find *f = arg;
	f->count++;
	if (!f->found && p->vendor == f->vendor && p->device == f->device)
		f->found = p;
}

static struct pci_device *find(uint16_t vendor, uint16_t device, unsigned *count)
{
	struct find f = { vendor, device, NULL, 0 };
	pci_for_each(find_fn, &f);
	if (count)
		*count = f.count;
	return f.found;
}

KTEST(pci_enumeration)
{
	unsigned count;
	/* The i440FX host bridge, the PIIX3 ISA bridge and its IDE function. */
	struct pci_device *host = find(0x8086, 0x1237, &count);
	KT_ASSERT(count >= 4);
	KT_ASSERT(host && host->bus == 0 && host->dev == 0 && host->fn == 0);
	KT_ASSERT(host->class == 0x06 && host->subclass == 0x00);
	struct pci_device *ide = find(0x8086, 0x7010, NULL);
	KT_ASSERT(ide && ide->class == 0x01 && ide->subclass == 0x01 && (ide->progif & 0x80));
	KT_ASSERT(ide->bus == 0 && ide->dev == 1 && ide->fn == 1);
	/* BAR4 is the 16-byte bus-master I/O block; BAR0-3 are unused in compatibility mode. */
	KT_ASSERT(ide->bar[4].io && ide->bar[4].size == 16 && ide->bar[4].base != 0);
	KT_ASSERT(ide->bar[0].size == 0 && ide->bar[0].base == 0);
	KT_ASSERT(pci_map_bar(ide, 4) == NULL);
	KT_ASSERT(pci_read16(ide, PCI_COMMAND) & PCI_COMMAND_MASTER);
	/* The std VGA: a 16 MiB prefetchable framebuffer and a 4 KiB register BAR. */
	struct pci_device *vga = find(0x1234, 0x1111, NULL);
	KT_ASSERT(vga && vga->class == 0x03);
	KT_ASSERT(!vga->bar[0].io && vga->bar[0].size == (16u << 20) && vga->bar[0].prefetch);
	KT_ASSERT((vga->bar[0].base & ((16u << 20) - 1)) == 0);
	KT_ASSERT(!vga->bar[2].io && vga->bar[2].size == 4096);
	KT_ASSERT(pci_map_bar(vga, 2) != NULL);
	KT_ASSERT(pci_map_bar(vga, 6) == NULL);
	/* Configuration writes: the interrupt-line register is plain read/write. */
	uint8_t line = pci_read8(ide, PCI_INTERRUPT_LINE);
	pci_write16(ide, PCI_INTERRUPT_LINE, 0x5a); /* the pin byte above is read-only */
	uint8_t got = pci_read8(ide, PCI_INTERRUPT_LINE);
	pci_write16(ide, PCI_INTERRUPT_LINE, line);
	KT_ASSERT(got == 0x5a);
	KT_ASSERT(pci_read8(ide, PCI_INTERRUPT_LINE) == line);
	return 0;
}

static unsigned probed;
static struct pci_device *probed_dev;

static int counting_probe(struct pci_device *p)
{
	probed++;
	probed_dev = p;
	return -ENODEV; /* leave it unclaimed */
}

static const struct pci_match vga_match[] = {
	{ 0x1234, 0x1111, PCI_ANY, PCI_ANY, PCI_ANY },
	{ 0 },
};

static struct pci_driver counting_driver = {
	.name = "ktest",
	.match = vga_match,
	.probe = counting_probe,
};

KTEST(pci_driver_match)
{
	struct pci_device *vga = find(0x1234, 0x1111, NULL);
	KT_ASSERT(vga && !vga->driver);
	KT_ASSERT(pci_register_driver(&counting_driver) == 0);
	KT_ASSERT(probed == 1 && probed_dev == vga);
	KT_ASSERT(vga->driver == NULL);
	/* The IDE function was claimed by the ATA driver. */
	struct pci_device *ide = find(0x8086, 0x7010, NULL);
	KT_ASSERT(ide && ide->driver != NULL);
	struct pci_driver bad = { .name = "bad" };
	KT_ASSERT(pci_register_driver(&bad) == -EINVAL);
	return 0;
}
