/*
 * Self-tests of the x86-64 layer: exceptions raised on purpose and recovered,
 * the interrupt path (timer ticks arrive), and the clocks.
 */
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/cpu.h>
#include <arch/percpu.h>
#include <arch/trap.h>
#include <errno.h>
#include <ktest.h>
#include <time.h>

extern volatile uint64_t trap_breakpoints, trap_fixups;

KTEST(exception_breakpoint)
{
	uint64_t before = trap_breakpoints;
	__asm__ volatile("int3");
	KT_ASSERT(trap_breakpoints == before + 1);
	return 0;
}

KTEST(exception_fixups)
{
	uint64_t v = 0, before = trap_fixups;
	/* #PF on an unmapped kernel address, recovered through the fixup table. */
	KT_ASSERT(arch_probe_read64((void *)0xffffc0ffffff0000UL, &v) == -EFAULT);
	/* #GP on a non-canonical address, same path. */
	KT_ASSERT(arch_probe_read64((void *)0x0000900000000000UL, &v) == -EFAULT);
	KT_ASSERT(trap_fixups == before + 2);
	/* And a good address still reads. */
	static const uint64_t value = 0xfeedface;
	KT_ASSERT(arch_probe_read64(&value, &v) == 0 && v == 0xfeedface);
	return 0;
}

KTEST(timer_monotonic)
{
	uint64_t prev = clock_monotonic_ns();
	for (int i = 0; i < 100000; i++) {
		uint64_t now = clock_monotonic_ns();
		KT_ASSERT(now >= prev);
		prev = now;
	}
	return 0;
}

KTEST(timer_ticks)
{
	/* With interrupts on, 100 ms of TSC time must bring about 10 ticks (HZ=100). */
	uint64_t j0 = jiffies, t0 = clock_monotonic_ns();
	arch_irq_enable();
	while (clock_monotonic_ns() - t0 < 100 * 1000000ULL)
		cpu_halt();
	uint64_t dj = jiffies - j0;
	KT_ASSERT(dj >= 5 && dj <= 20);
	/* udelay waits at least what it is asked. */
	t0 = clock_monotonic_ns();
	udelay_ns(2000000);
	KT_ASSERT(clock_monotonic_ns() - t0 >= 2000000);
	return 0;
}

KTEST(realtime_clock)
{
	/* The CMOS clock gave a date after 2020-01-01. */
	KT_ASSERT(clock_realtime_sec() > 1577836800ULL);
	return 0;
}

KTEST(percpu)
{
	KT_ASSERT(this_cpu() == &cpus[0]);
	KT_ASSERT(this_cpu()->apic_id == lapic_id());
	return 0;
}

KTEST(smp_online)
{
	/* Every CPU the firmware lists came up, each with its own APIC ID and GDT. */
	KT_ASSERT(nr_cpus == acpi.nr_cpus);
	for (unsigned i = 0; i < nr_cpus; i++) {
		KT_ASSERT(cpus[i].online);
		KT_ASSERT(cpus[i].self == &cpus[i]);
		for (unsigned j = 0; j < i; j++)
			KT_ASSERT(cpus[i].apic_id != cpus[j].apic_id);
	}
	return 0;
}
