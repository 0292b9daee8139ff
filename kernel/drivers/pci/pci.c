/*
 * PCI enumeration and the driver registry (drivers/pci.h).
 *
 * configuration space (arch/pci_config.h) -> functions and their BARs ->
 * drivers matched by class or vendor/device -> probe()
 *
 * Enumeration is recursive from bus 0: a PCI-to-PCI bridge (header type 1)
 * leads to its secondary bus as the firmware numbered it. Devices are only
 * added at boot, so the device list needs no lock once pci_init() returns;
 * the driver list is changed under pci_lock.
 */
#include <arch/mmu.h>
#include <arch/pci_config.h>
#include <drivers/pci.h>
#include <errno.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>

#define PCI_VENDOR_ID 0x00
#define PCI_CLASS_REV 0x08
#define PCI_HEADER_TYPE 0x0e
#define PCI_BAR0 0x10
#define PCI_SECONDARY_BUS 0x19
#define PCI_INTERRUPT_PIN 0x3d

static LIST_HEAD(pci_devices);
static LIST_HEAD(pci_drivers);
static struct spinlock pci_lock = SPINLOCK_INIT("pci");
static bool bus_seen[256];

uint32_t pci_read32(struct pci_device *p, unsigned off)
{
	return arch_pci_read32(p->bus, p->dev, p->fn, off);
}

uint16_t pci_read16(struct pci_device *p, unsigned off)
{
	return arch_pci_read16(p->bus, p->dev, p->fn, off);
}

uint8_t pci_read8(struct pci_device *p, unsigned off)
{
	return arch_pci_read8(p->bus, p->dev, p->fn, off);
}

void pci_write32(struct pci_device *p, unsigned off, uint32_t v)
{
	arch_pci_write32(p->bus, p->dev, p->fn, off, v);
}

void pci_write16(struct pci_device *p, unsigned off, uint16_t v)
{
	arch_pci_write16(p->bus, p->dev, p->fn, off, v);
}

/*
 * Sizes BAR n by writing all ones and reading back the writable bits, with
 * decoding turned off meanwhile so the probe value never claims addresses.
 * Returns the number of slots used (2 for a 64-bit memory BAR).
 */
static unsigned decode_bar(struct pci_device *p, unsigned n)
{
	unsigned off = PCI_BAR0 + 4 * n;
	struct pci_bar *bar = &p->bar[n];
	uint32_t orig = pci_read32(p, off);
	pci_write32(p, off, 0xffffffff);
	uint32_t mask = pci_read32(p, off);
	pci_write32(p, off, orig);
	if (orig & 1) {
		bar->io = true;
		bar->base = orig & ~3u;
		uint32_t m = mask & ~3u & 0xffff;
		bar->size = m ? (~m + 1) & 0xffff : 0;
		if (!bar->size)
			bar->base = 0;
		return 1;
	}
	unsigned type = (orig >> 1) & 3;
	bar->prefetch = orig & 8;
	uint64_t base = orig & ~0xfu;
	uint64_t m = mask & ~0xfu;
	unsigned used = 1;
	if (type == 2 && n + 1 < PCI_NR_BARS) {
		uint32_t orig_hi = pci_read32(p, off + 4);
		pci_write32(p, off + 4, 0xffffffff);
		uint32_t mask_hi = pci_read32(p, off + 4);
		pci_write32(p, off + 4, orig_hi);
		base |= (uint64_t)orig_hi << 32;
		m |= (uint64_t)mask_hi << 32;
		bar->mem64 = true;
		used = 2;
	} else {
		m |= 0xffffffff00000000ull;
	}
	bar->size = ~m + 1;
	if (!(mask & ~0xfu))
		bar->size = 0;
	bar->base = bar->size ? base : 0;
	return used;
}

static void decode_bars(struct pci_device *p)
{
	unsigned nbars = (p->header_type & 0x7f) == 0 ? 6 : (p->header_type & 0x7f) == 1 ? 2 : 0;
	if (!nbars)
		return;
	uint16_t cmd = pci_read16(p, PCI_COMMAND);
	pci_write16(p, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (unsigned n = 0; n < nbars;)
		n += decode_bar(p, n);
	pci_write16(p, PCI_COMMAND, cmd);
}

static void scan_bus(unsigned bus);

static void add_function(unsigned bus, unsigned dev, unsigned fn)
{
	struct pci_device *p = kzalloc(sizeof(*p));
	if (!p) {
		pr_warn("pci: out of memory at %02x:%02x.%u\n", bus, dev, fn);
		return;
	}
	p->bus = bus;
	p->dev = dev;
	p->fn = fn;
	uint32_t id = pci_read32(p, PCI_VENDOR_ID);
	p->vendor = id & 0xffff;
	p->device = id >> 16;
	uint32_t cr = pci_read32(p, PCI_CLASS_REV);
	p->class = cr >> 24;
	p->subclass = cr >> 16;
	p->progif = cr >> 8;
	p->revision = cr;
	p->header_type = pci_read8(p, PCI_HEADER_TYPE);
	p->irq_line = pci_read8(p, PCI_INTERRUPT_LINE);
	p->irq_pin = pci_read8(p, PCI_INTERRUPT_PIN);
	decode_bars(p);
	list_add_tail(&p->link, &pci_devices);
	/* Debug level: the list goes to serial and the log, not the VGA screen. */
	int irq = pci_irq_line(p);
	char irqs[16] = "no IRQ";
	if (irq >= 0)
		ksnprintf(irqs, sizeof(irqs), "IRQ %d", irq);
	pr_debug("pci: %02x:%02x.%u %04x:%04x class %02x.%02x.%02x %s\n", bus, dev, fn, p->vendor,
		 p->device, p->class, p->subclass, p->progif, irqs);
	for (unsigned n = 0; n < PCI_NR_BARS; n++)
		if (p->bar[n].size)
			pr_debug("pci: %02x:%02x.%u BAR%u %s %#lx size %#lx%s\n", bus, dev, fn, n,
				 p->bar[n].io ? "io" : "mem", p->bar[n].base, p->bar[n].size,
				 p->bar[n].mem64 ? " 64-bit" : "");
	if ((p->header_type & 0x7f) == 1 && p->class == 0x06 && p->subclass == 0x04)
		scan_bus(pci_read8(p, PCI_SECONDARY_BUS));
}

static void scan_bus(unsigned bus)
{
	if (bus_seen[bus])
		return; /* a bridge loop in broken firmware tables */
	bus_seen[bus] = true;
	for (unsigned dev = 0; dev < 32; dev++) {
		if (arch_pci_read16(bus, dev, 0, PCI_VENDOR_ID) == 0xffff)
			continue;
		unsigned nfn = arch_pci_read8(bus, dev, 0, PCI_HEADER_TYPE) & 0x80 ? 8 : 1;
		for (unsigned fn = 0; fn < nfn; fn++)
			if (arch_pci_read16(bus, dev, fn, PCI_VENDOR_ID) != 0xffff)
				add_function(bus, dev, fn);
	}
}

void pci_init(void)
{
	scan_bus(0);
}

void pci_for_each(void (*fn)(struct pci_device *pdev, void *arg), void *arg)
{
	struct pci_device *p;
	list_for_each_entry(p, &pci_devices, link)
		fn(p, arg);
}

static bool field_matches(uint16_t want, uint16_t have)
{
	return want == PCI_ANY || want == have;
}

static bool matches(const struct pci_driver *drv, struct pci_device *p)
{
	for (const struct pci_match *m = drv->match; m->vendor; m++)
		if (field_matches(m->vendor, p->vendor) && field_matches(m->device, p->device) &&
		    field_matches(m->class, p->class) && field_matches(m->subclass, p->subclass) &&
		    field_matches(m->progif, p->progif))
			return true;
	return false;
}

int pci_register_driver(struct pci_driver *drv)
{
	if (!drv->match || !drv->probe)
		return -EINVAL;
	unsigned long flags = spin_lock_irqsave(&pci_lock);
	list_add_tail(&drv->link, &pci_drivers);
	spin_unlock_irqrestore(&pci_lock, flags);
	struct pci_device *p;
	list_for_each_entry(p, &pci_devices, link)
	{
		if (p->driver || !matches(drv, p))
			continue;
		int err = drv->probe(p);
		if (err == 0)
			p->driver = drv;
		else
			pr_warn("pci: %s: %02x:%02x.%u not taken (%d)\n", drv->name, p->bus, p->dev,
				p->fn, err);
	}
	return 0;
}

void pci_enable_bus_master(struct pci_device *p)
{
	uint16_t cmd = pci_read16(p, PCI_COMMAND);
	cmd |= PCI_COMMAND_MASTER | PCI_COMMAND_MEMORY | PCI_COMMAND_IO;
	cmd &= ~PCI_COMMAND_INTX_DISABLE;
	pci_write16(p, PCI_COMMAND, cmd);
}

void *pci_map_bar(struct pci_device *p, unsigned n)
{
	if (n >= PCI_NR_BARS || !p->bar[n].size || p->bar[n].io)
		return NULL;
	return mmu_map_mmio(p->bar[n].base, p->bar[n].size);
}

int pci_irq_line(struct pci_device *p)
{
	if (!p->irq_pin || p->irq_line == 0 || p->irq_line == 0xff)
		return -ENOENT;
	return p->irq_line;
}
