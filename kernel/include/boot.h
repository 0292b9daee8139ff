/*
 * What the boot loader told us, in a loader-independent form. The arch code
 * fills one struct boot_info before kernel_main() runs; everything is copied
 * out of the loader's structures so their memory can be reused.
 */
#ifndef CAIRN_BOOT_H
#define CAIRN_BOOT_H

#include <types.h>

#define BOOT_MAX_REGIONS 64
#define BOOT_MAX_MODULES 8
#define BOOT_CMDLINE_MAX 512

enum mem_type {
	MEM_USABLE = 1,
	MEM_RESERVED = 2,
	MEM_ACPI_RECLAIMABLE = 3,
	MEM_ACPI_NVS = 4,
	MEM_BAD = 5,
};

struct mem_region {
	phys_addr_t base;
	uint64_t length;
	uint32_t type;
};

struct boot_module {
	phys_addr_t start, end;
	char name[64];
};

struct boot_info {
	char cmdline[BOOT_CMDLINE_MAX];
	struct mem_region regions[BOOT_MAX_REGIONS];
	unsigned nr_regions;
	struct boot_module modules[BOOT_MAX_MODULES];
	unsigned nr_modules;
	phys_addr_t rsdp;       /* physical address of a copy of the ACPI RSDP, or 0 */
	uint8_t rsdp_copy[36];  /* the RSDP itself (multiboot2 hands us a copy) */
	char loader[64];
};

extern struct boot_info boot_info;

/* Generic entry point, called by the arch code on the boot CPU with interrupts off. */
__noreturn void kernel_main(void);

#endif
