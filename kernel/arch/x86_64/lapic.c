/*
 * Local APIC (xAPIC, memory-mapped registers). Each CPU enables its own with
 * the spurious vector, takes its timer interrupt on VEC_LAPIC_TIMER and
 * acknowledges every APIC-delivered interrupt with an EOI write.
 */
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <arch/percpu.h>
#include <arch/trap.h>
#include <printk.h>
#include <time.h>

#define LAPIC_ID 0x020
#define LAPIC_EOI 0x0b0
#define LAPIC_SVR 0x0f0
#define LAPIC_ESR 0x280
#define LAPIC_ICR_LO 0x300
#define LAPIC_ICR_HI 0x310
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_LVT_ERROR 0x370
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0

#define LVT_MASKED (1U << 16)
#define TIMER_PERIODIC (1U << 17)

static volatile uint8_t *lapic_base;
/* LAPIC timer ticks (divide by 16) per 1/HZ second, measured by timer_calibrate(). */
uint32_t lapic_ticks_per_jiffy;

static inline uint32_t lapic_read(uint32_t reg)
{
	return *(volatile uint32_t *)(lapic_base + reg);
}

static inline void lapic_write(uint32_t reg, uint32_t v)
{
	*(volatile uint32_t *)(lapic_base + reg) = v;
	(void)lapic_read(LAPIC_ID); /* wait for the write to land */
}

uint32_t lapic_id(void)
{
	return lapic_base ? lapic_read(LAPIC_ID) >> 24 : 0;
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

static void lapic_enable(void)
{
	lapic_write(LAPIC_SVR, 0x100 | VEC_SPURIOUS);
	lapic_write(LAPIC_LVT_ERROR, VEC_LAPIC_ERROR);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_ESR, 0);
	lapic_write(LAPIC_ESR, 0);
	lapic_eoi();
}

void lapic_init(void)
{
	phys_addr_t pa = acpi.lapic_addr ? acpi.lapic_addr : (rdmsr(MSR_APIC_BASE) & ~0xfffUL);
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1 << 11)); /* global enable */
	lapic_base = mmu_map_mmio(pa, 4096);
	lapic_enable();
	/* LINT0 as ExtINT is unused (PIC masked); LINT1 delivers NMI on the BSP. */
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, 0x400);
	this_cpu()->apic_id = lapic_id();
}

void lapic_init_ap(void)
{
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1 << 11));
	lapic_enable();
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, LVT_MASKED);
}

void lapic_send_ipi(uint32_t apic_id, uint32_t icr_low)
{
	lapic_write(LAPIC_ICR_HI, apic_id << 24);
	lapic_write(LAPIC_ICR_LO, icr_low);
	for (int i = 0; i < 1000000 && (lapic_read(LAPIC_ICR_LO) & (1 << 12)); i++)
		arch_cpu_relax();
}

/* Starts the periodic timer on this CPU at HZ interrupts per second. */
void lapic_timer_start(void)
{
	lapic_write(LAPIC_TIMER_DIV, 0x3); /* divide by 16 */
	lapic_write(LAPIC_LVT_TIMER, VEC_LAPIC_TIMER | TIMER_PERIODIC);
	lapic_write(LAPIC_TIMER_INIT, lapic_ticks_per_jiffy);
}

/* Counts LAPIC timer ticks (divide by 16) during the given busy wait, for calibration. */
uint32_t lapic_timer_measure(void (*wait)(void))
{
	lapic_write(LAPIC_TIMER_DIV, 0x3);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_TIMER_INIT, 0xffffffff);
	wait();
	uint32_t left = lapic_read(LAPIC_TIMER_CUR);
	lapic_write(LAPIC_TIMER_INIT, 0);
	return 0xffffffff - left;
}

void arch_irq_eoi(void)
{
	lapic_eoi();
}
