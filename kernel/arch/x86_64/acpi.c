/*
 * ACPI table discovery: RSDP -> RSDT/XSDT -> MADT (CPUs, IOAPICs, interrupt
 * overrides), FADT (power management ports) and the \_S5 sleep package in
 * the DSDT (for power-off), HPET. Every table is checksummed and its length
 * bounded; a bad table is logged and skipped, never trusted.
 */
#include <arch/acpi.h>
#include <arch/io.h>
#include <arch/mmu.h>
#include <boot.h>
#include <errno.h>
#include <lib/string.h>
#include <printk.h>
#include <time.h>

struct acpi_info acpi;

struct rsdp {
	char signature[8];
	uint8_t checksum;
	char oem[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;
	uint64_t xsdt;
	uint8_t xchecksum;
	uint8_t reserved[3];
} __packed;

struct sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem[6];
	char oem_table[8];
	uint32_t oem_revision;
	uint32_t creator;
	uint32_t creator_revision;
} __packed;

#define ACPI_TABLE_MAX (1U << 20)

static bool checksum_ok(const void *p, size_t n)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += ((const uint8_t *)p)[i];
	return sum == 0;
}

/* Returns the table at pa if its header and checksum are sane, else NULL. */
static const struct sdt_header *table_at(phys_addr_t pa)
{
	if (!pa)
		return NULL;
	const struct sdt_header *h = phys_to_virt(pa);
	if (h->length < sizeof(*h) || h->length > ACPI_TABLE_MAX) {
		pr_warn("acpi: table at %lx has bad length %u, skipped\n", pa, h->length);
		return NULL;
	}
	if (!checksum_ok(h, h->length)) {
		pr_warn("acpi: table %.4s at %lx has a bad checksum, skipped\n", h->signature, pa);
		return NULL;
	}
	return h;
}

static void parse_madt(const struct sdt_header *h)
{
	const uint8_t *p = (const uint8_t *)h + sizeof(*h);
	const uint8_t *end = (const uint8_t *)h + h->length;
	acpi.lapic_addr = *(const uint32_t *)p;
	p += 8; /* local APIC address, flags */
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		switch (p[0]) {
		case 0: /* processor local APIC */
			if ((*(const uint32_t *)(p + 4) & 1) && acpi.nr_cpus < 16)
				acpi.cpu_apic_ids[acpi.nr_cpus++] = p[3];
			break;
		case 1: /* IOAPIC */
			if (acpi.nr_ioapics < ACPI_MAX_IOAPICS) {
				struct acpi_ioapic *io = &acpi.ioapics[acpi.nr_ioapics++];
				io->id = p[2];
				io->addr = *(const uint32_t *)(p + 4);
				io->gsi_base = *(const uint32_t *)(p + 8);
			}
			break;
		case 2: /* interrupt source override */
			if (p[3] < 16) {
				struct acpi_override *o = &acpi.overrides[p[3]];
				o->source = p[3];
				o->gsi = *(const uint32_t *)(p + 4);
				o->flags = *(const uint16_t *)(p + 8);
				o->present = true;
			}
			break;
		case 5: /* 64-bit local APIC address override */
			acpi.lapic_addr = *(const uint64_t *)(p + 4);
			break;
		}
		p += p[1];
	}
}

/*
 * Finds the \_S5 package in the DSDT and reads SLP_TYPa/b. The AML is not
 * interpreted: the package is always a NameOp "_S5_" followed by a small
 * package of byte constants, which is what every firmware (and QEMU) emits.
 */
static void parse_s5(const struct sdt_header *dsdt)
{
	const uint8_t *p = (const uint8_t *)dsdt + sizeof(*dsdt);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;
	for (; p + 20 < end; p++) {
		if (memcmp(p, "_S5_", 4) != 0 || p[4] != 0x12)
			continue;
		if (p[-1] != 0x08 && !(p[-2] == 0x08 && p[-1] == '\\'))
			continue;
		const uint8_t *q = p + 5;
		q += ((*q & 0xc0) >> 6) + 2; /* PkgLength bytes, then NumElements */
		uint16_t vals[2];
		for (int i = 0; i < 2; i++) {
			if (*q == 0x0a) { /* BytePrefix */
				vals[i] = q[1];
				q += 2;
			} else if (*q == 0x00 || *q == 0x01) { /* ZeroOp, OneOp */
				vals[i] = *q;
				q += 1;
			} else {
				return;
			}
		}
		acpi.slp_typa = vals[0];
		acpi.slp_typb = vals[1];
		acpi.s5_valid = true;
		return;
	}
}

static void parse_fadt(const struct sdt_header *h)
{
	const uint8_t *f = (const uint8_t *)h;
	if (h->length < 116)
		return;
	phys_addr_t dsdt = *(const uint32_t *)(f + 40);
	if (h->length >= 148 && *(const uint64_t *)(f + 140))
		dsdt = *(const uint64_t *)(f + 140);
	acpi.smi_cmd = *(const uint32_t *)(f + 48);
	acpi.acpi_enable = f[52];
	acpi.pm1a_cnt = *(const uint32_t *)(f + 64);
	acpi.pm1b_cnt = *(const uint32_t *)(f + 68);
	const struct sdt_header *d = table_at(dsdt);
	if (d)
		parse_s5(d);
}

static void visit_table(phys_addr_t pa)
{
	const struct sdt_header *h = table_at(pa);
	if (!h)
		return;
	if (!memcmp(h->signature, "APIC", 4))
		parse_madt(h);
	else if (!memcmp(h->signature, "FACP", 4))
		parse_fadt(h);
	else if (!memcmp(h->signature, "HPET", 4) && h->length >= 56)
		acpi.hpet_addr = *(const uint64_t *)((const uint8_t *)h + 44);
}

int acpi_init(void)
{
	const struct rsdp *r = (const struct rsdp *)boot_info.rsdp_copy;
	if (!boot_info.rsdp || memcmp(r->signature, "RSD PTR ", 8) || !checksum_ok(r, 20)) {
		pr_warn("acpi: no valid RSDP from the boot loader\n");
		return -ENOENT;
	}
	const struct sdt_header *root;
	size_t entry_size;
	if (r->revision >= 2 && r->xsdt && checksum_ok(r, sizeof(*r))) {
		root = table_at(r->xsdt);
		entry_size = 8;
	} else {
		root = table_at(r->rsdt);
		entry_size = 4;
	}
	if (!root)
		return -ENOENT;
	size_t n = (root->length - sizeof(*root)) / entry_size;
	const uint8_t *entries = (const uint8_t *)root + sizeof(*root);
	for (size_t i = 0; i < n; i++) {
		phys_addr_t pa = entry_size == 8 ? *(const uint64_t *)(entries + 8 * i)
						 : *(const uint32_t *)(entries + 4 * i);
		visit_table(pa);
	}
	acpi.found = true;
	pr_info("acpi: %u CPUs, %u IOAPICs, LAPIC at %lx, S5 %s\n", acpi.nr_cpus, acpi.nr_ioapics,
		acpi.lapic_addr, acpi.s5_valid ? "found" : "missing");
	return 0;
}

void acpi_poweroff(void)
{
	if (!acpi.found || !acpi.s5_valid || !acpi.pm1a_cnt)
		return;
	/* Switch to ACPI mode first if the firmware left SCI_EN clear. */
	if (!(inw((uint16_t)acpi.pm1a_cnt) & 1) && acpi.smi_cmd && acpi.acpi_enable) {
		outb((uint16_t)acpi.smi_cmd, acpi.acpi_enable);
		for (int i = 0; i < 1000 && !(inw((uint16_t)acpi.pm1a_cnt) & 1); i++)
			io_wait();
	}
	outw((uint16_t)acpi.pm1a_cnt, (uint16_t)(acpi.slp_typa << 10 | 1 << 13));
	if (acpi.pm1b_cnt)
		outw((uint16_t)acpi.pm1b_cnt, (uint16_t)(acpi.slp_typb << 10 | 1 << 13));
	/*
	 * The machine turns off asynchronously: QEMU's main loop handles the
	 * request while this CPU keeps running, later when the host is busy.
	 * Wait two seconds of real time before the caller falls back to
	 * another method, so a slow power-off is not taken for a failed one
	 * (before the TSC is calibrated, a fixed number of port delays).
	 */
	if (clock_monotonic_ns()) {
		udelay_ns(2 * NSEC_PER_SEC);
	} else {
		for (int i = 0; i < 100000; i++)
			io_wait();
	}
}
