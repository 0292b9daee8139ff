/*
 * IOAPIC: routes global system interrupts (GSIs) to vectors on the boot CPU.
 * ISA IRQs pass through the MADT interrupt source overrides (on QEMU, IRQ 0
 * arrives on GSI 2); their polarity and trigger mode come from the override
 * flags, defaulting to ISA's active-high edge.
 */
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/mmu.h>
#include <arch/percpu.h>
#include <printk.h>

#define IOREGSEL 0x00
#define IOWIN 0x10
#define IOAPICVER 0x01
#define IOREDTBL(n) (0x10 + 2 * (n))

#define RED_MASKED (1U << 16)
#define RED_LEVEL (1U << 15)
#define RED_ACTIVE_LOW (1U << 13)

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base;
	unsigned nr_lines;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static unsigned nr_ioapics;

static uint32_t ioapic_read(struct ioapic *io, uint32_t reg)
{
	io->regs[IOREGSEL / 4] = reg;
	return io->regs[IOWIN / 4];
}

static void ioapic_write(struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOREGSEL / 4] = reg;
	io->regs[IOWIN / 4] = v;
}

static struct ioapic *ioapic_for(unsigned gsi)
{
	for (unsigned i = 0; i < nr_ioapics; i++)
		if (gsi >= ioapics[i].gsi_base && gsi < ioapics[i].gsi_base + ioapics[i].nr_lines)
			return &ioapics[i];
	return NULL;
}

void ioapic_init(void)
{
	for (unsigned i = 0; i < acpi.nr_ioapics; i++) {
		struct ioapic *io = &ioapics[nr_ioapics++];
		io->regs = mmu_map_mmio(acpi.ioapics[i].addr, 4096);
		io->gsi_base = acpi.ioapics[i].gsi_base;
		io->nr_lines = ((ioapic_read(io, IOAPICVER) >> 16) & 0xff) + 1;
		for (unsigned l = 0; l < io->nr_lines; l++) {
			ioapic_write(io, IOREDTBL(l), RED_MASKED);
			ioapic_write(io, IOREDTBL(l) + 1, 0);
		}
		pr_info("ioapic: %u lines from GSI %u\n", io->nr_lines, io->gsi_base);
	}
}

unsigned arch_irq_to_gsi(unsigned irq)
{
	if (irq < 16 && acpi.overrides[irq].present)
		return acpi.overrides[irq].gsi;
	return irq;
}

void arch_irq_route(unsigned irq, unsigned vector)
{
	unsigned gsi = arch_irq_to_gsi(irq);
	struct ioapic *io = ioapic_for(gsi);
	if (!io) {
		pr_warn("ioapic: no IOAPIC serves GSI %u\n", gsi);
		return;
	}
	uint32_t low = vector;
	bool isa = irq < 16;
	uint16_t flags = isa && acpi.overrides[irq].present ? acpi.overrides[irq].flags : 0;
	unsigned polarity = flags & 3, trigger = (flags >> 2) & 3;
	if (polarity == 3 || (!isa && polarity == 0))
		low |= RED_ACTIVE_LOW;
	if (trigger == 3 || (!isa && trigger == 0))
		low |= RED_LEVEL;
	unsigned line = gsi - io->gsi_base;
	ioapic_write(io, IOREDTBL(line) + 1, cpus[0].apic_id << 24);
	ioapic_write(io, IOREDTBL(line), low);
}

void arch_irq_mask(unsigned irq)
{
	unsigned gsi = arch_irq_to_gsi(irq);
	struct ioapic *io = ioapic_for(gsi);
	if (io)
		ioapic_write(io, IOREDTBL(gsi - io->gsi_base), RED_MASKED);
}
