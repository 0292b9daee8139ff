/*
 * PCI: the devices found on the buses at boot and the drivers that claim
 * them. pci_init() walks configuration space once (every bus reachable
 * through bridges from bus 0), decodes each function's BARs and keeps a
 * struct pci_device per function. A driver registers a match table; every
 * unclaimed device it matches is passed to its probe(), in bus order, both
 * for devices found before and after the registration.
 */
#ifndef CAIRN_DRIVERS_PCI_H
#define CAIRN_DRIVERS_PCI_H

#include <list.h>
#include <types.h>

#define PCI_ANY 0xffff
#define PCI_NR_BARS 6

/* Configuration space offsets used by the drivers. */
#define PCI_COMMAND 0x04
#define PCI_COMMAND_IO (1u << 0)
#define PCI_COMMAND_MEMORY (1u << 1)
#define PCI_COMMAND_MASTER (1u << 2)
#define PCI_COMMAND_INTX_DISABLE (1u << 10)
#define PCI_INTERRUPT_LINE 0x3c

struct pci_bar {
	uint64_t base;  /* bus address; 0 when the BAR is absent */
	uint64_t size;  /* bytes */
	bool io;        /* an I/O port range, else memory */
	bool mem64;     /* a 64-bit memory BAR (it used the next slot too) */
	bool prefetch;
};

struct pci_device {
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint8_t class, subclass, progif, revision;
	uint8_t header_type;
	uint8_t irq_line; /* what the firmware wrote; 0xff or 0 when none */
	uint8_t irq_pin;  /* 1..4 for INTA#..INTD#, 0 when none */
	struct pci_bar bar[PCI_NR_BARS];
	const struct pci_driver *driver; /* the driver that claimed it, or NULL */
	struct list_head link;
};

/* One entry of a match table; PCI_ANY matches anything. Ends with vendor 0. */
struct pci_match {
	uint16_t vendor, device;
	uint16_t class, subclass, progif;
};

struct pci_driver {
	const char *name;
	const struct pci_match *match;
	/* Takes the device: 0 claims it, -Exxx leaves it for other drivers. May sleep. */
	int (*probe)(struct pci_device *pdev);
	struct list_head link;
};

/* Enumerates every bus and logs one line per function found. */
void pci_init(void);
/* Adds a driver and probes the devices it matches. Returns 0 or -EINVAL. */
int pci_register_driver(struct pci_driver *drv);
/* Visits every device in bus order. */
void pci_for_each(void (*fn)(struct pci_device *pdev, void *arg), void *arg);

uint32_t pci_read32(struct pci_device *pdev, unsigned off);
uint16_t pci_read16(struct pci_device *pdev, unsigned off);
uint8_t pci_read8(struct pci_device *pdev, unsigned off);
void pci_write32(struct pci_device *pdev, unsigned off, uint32_t v);
void pci_write16(struct pci_device *pdev, unsigned off, uint16_t v);

/* Turns on memory and I/O decoding and bus mastering (DMA) in the command register. */
void pci_enable_bus_master(struct pci_device *pdev);
/*
 * Maps memory BAR n uncached and returns its kernel address, or NULL when
 * the BAR is absent or an I/O range.
 */
void *pci_map_bar(struct pci_device *pdev, unsigned n);
/*
 * The interrupt line to pass to irq_register() for the device's INTx pin, or
 * -ENOENT. On the pc machine the firmware routed the pin through the PIIX
 * PIRQ links and wrote the resulting ISA IRQ (= IOAPIC GSI) in the
 * interrupt-line register; the line is level-triggered and may be shared.
 */
int pci_irq_line(struct pci_device *pdev);

#endif
