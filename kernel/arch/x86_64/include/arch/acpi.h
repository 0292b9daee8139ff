/* What the ACPI tables tell us about this machine. */
#ifndef CAIRN_ARCH_ACPI_H
#define CAIRN_ARCH_ACPI_H

#include <types.h>

#define ACPI_MAX_IOAPICS 4

struct acpi_ioapic {
	uint8_t id;
	phys_addr_t addr;
	uint32_t gsi_base;
};

struct acpi_override {
	uint8_t source;    /* ISA IRQ */
	uint32_t gsi;
	uint16_t flags;    /* MPS INTI flags: polarity bits 0-1, trigger bits 2-3 */
	bool present;
};

struct acpi_info {
	bool found;
	phys_addr_t lapic_addr;
	uint32_t cpu_apic_ids[16];
	unsigned nr_cpus;
	struct acpi_ioapic ioapics[ACPI_MAX_IOAPICS];
	unsigned nr_ioapics;
	struct acpi_override overrides[16];   /* indexed by ISA IRQ */
	/* FADT power management. */
	uint32_t pm1a_cnt, pm1b_cnt;
	uint32_t smi_cmd;
	uint8_t acpi_enable;
	bool s5_valid;
	uint16_t slp_typa, slp_typb;
	phys_addr_t hpet_addr;
};

extern struct acpi_info acpi;

/* Parses the RSDP copy from the boot loader; returns 0 or -ENOENT. */
int acpi_init(void);
/* Powers the machine off through ACPI S5; returns only on failure. */
void acpi_poweroff(void);

#endif
