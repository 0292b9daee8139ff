/*
 * PCI configuration space through mechanism #1: the address goes to port
 * 0xCF8 (enable bit, bus, device, function, register) and the data moves
 * through port 0xCFC. Offsets are byte offsets into the 256-byte space; the
 * narrower accesses pick their bytes out of the aligned dword.
 */
#ifndef CAIRN_ARCH_PCI_CONFIG_H
#define CAIRN_ARCH_PCI_CONFIG_H

#include <types.h>

uint32_t arch_pci_read32(unsigned bus, unsigned dev, unsigned fn, unsigned off);
uint16_t arch_pci_read16(unsigned bus, unsigned dev, unsigned fn, unsigned off);
uint8_t arch_pci_read8(unsigned bus, unsigned dev, unsigned fn, unsigned off);
void arch_pci_write32(unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t v);
void arch_pci_write16(unsigned bus, unsigned dev, unsigned fn, unsigned off, uint16_t v);

#endif
