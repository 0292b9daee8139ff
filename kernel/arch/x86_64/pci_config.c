/*
 * PCI configuration mechanism #1 (arch/pci_config.h). One lock serialises
 * the address/data pair, since another CPU's access in between would move
 * the address register.
 */
#include <arch/io.h>
#include <arch/pci_config.h>
#include <spinlock.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc

static struct spinlock pci_config_lock = SPINLOCK_INIT("pcicfg");

static uint32_t address(unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
	return 0x80000000u | (bus & 0xff) << 16 | (dev & 0x1f) << 11 | (fn & 7) << 8 |
	       (off & 0xfc);
}

uint32_t arch_pci_read32(unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
	unsigned long flags = spin_lock_irqsave(&pci_config_lock);
	outl(PCI_CONFIG_ADDRESS, address(bus, dev, fn, off));
	uint32_t v = inl(PCI_CONFIG_DATA);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return v;
}

uint16_t arch_pci_read16(unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
	return (uint16_t)(arch_pci_read32(bus, dev, fn, off) >> ((off & 2) * 8));
}

uint8_t arch_pci_read8(unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
	return (uint8_t)(arch_pci_read32(bus, dev, fn, off) >> ((off & 3) * 8));
}

void arch_pci_write32(unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t v)
{
	unsigned long flags = spin_lock_irqsave(&pci_config_lock);
	outl(PCI_CONFIG_ADDRESS, address(bus, dev, fn, off));
	outl(PCI_CONFIG_DATA, v);
	spin_unlock_irqrestore(&pci_config_lock, flags);
}

void arch_pci_write16(unsigned bus, unsigned dev, unsigned fn, unsigned off, uint16_t v)
{
	unsigned long flags = spin_lock_irqsave(&pci_config_lock);
	outl(PCI_CONFIG_ADDRESS, address(bus, dev, fn, off));
	outw(PCI_CONFIG_DATA + (off & 2), v);
	spin_unlock_irqrestore(&pci_config_lock, flags);
}
