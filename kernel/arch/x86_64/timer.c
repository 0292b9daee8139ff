/*
 * Time sources. At boot the PIT (channel 2, polled) measures a 20 ms window
 * during which the TSC and the LAPIC timer are counted; from then on the TSC
 * gives a nanosecond monotonic clock and the LAPIC timer ticks at HZ.
 */
#include <arch/apic.h>
#include <arch/cpu.h>
#include <arch/io.h>
#include <arch/percpu.h>
#include <printk.h>
#include <proc/sched.h>
#include <time.h>

#define PIT_HZ 1193182
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_GATE 0x61
#define CALIBRATE_MS 20

volatile uint64_t jiffies;
uint64_t tsc_hz;
static uint64_t tsc_base;
static uint64_t ns_mult; /* ns = tsc delta * ns_mult >> 32 */
static uint64_t last_ns;

extern uint32_t lapic_ticks_per_jiffy;
uint32_t lapic_timer_measure(void (*wait)(void));

/* Busy-waits CALIBRATE_MS with the PIT's channel 2 in one-shot mode. */
static void pit_wait(void)
{
	uint16_t count = PIT_HZ * CALIBRATE_MS / 1000;
	uint8_t gate = (inb(PIT_GATE) & ~0x02) & ~0x01; /* speaker off, gate low */
	outb(PIT_GATE, gate);
	outb(PIT_CMD, 0xb0); /* channel 2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	outb(PIT_GATE, gate | 0x01); /* gate high: counting starts */
	while (!(inb(PIT_GATE) & 0x20))
		;
}

static uint64_t tsc_during_wait;

static void pit_wait_counting_tsc(void)
{
	uint64_t t0 = rdtsc();
	pit_wait();
	tsc_during_wait = rdtsc() - t0;
}

/* Measures the TSC and LAPIC timer frequencies against the PIT. */
void timer_calibrate(void)
{
	uint32_t lapic_ticks = lapic_timer_measure(pit_wait_counting_tsc);
	tsc_hz = tsc_during_wait * 1000 / CALIBRATE_MS;
	lapic_ticks_per_jiffy = (uint32_t)((uint64_t)lapic_ticks * 1000 / CALIBRATE_MS / HZ);
	if (lapic_ticks_per_jiffy == 0)
		lapic_ticks_per_jiffy = 1;
	ns_mult = (NSEC_PER_SEC << 32) / tsc_hz;
	tsc_base = rdtsc();
	pr_info("timer: TSC %lu.%03lu MHz, LAPIC timer %u ticks per jiffy (HZ=%d)\n",
		tsc_hz / 1000000, (tsc_hz / 1000) % 1000, lapic_ticks_per_jiffy, HZ);
}

uint64_t clock_monotonic_ns(void)
{
	if (!ns_mult)
		return 0;
	uint64_t delta = rdtsc() - tsc_base;
	uint64_t ns = (uint64_t)(((unsigned __int128)delta * ns_mult) >> 32);
	/* Keep the clock monotonic across CPUs whose TSCs differ slightly. */
	uint64_t prev = __atomic_load_n(&last_ns, __ATOMIC_RELAXED);
	while (ns > prev && !__atomic_compare_exchange_n(&last_ns, &prev, ns, true,
							 __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	return ns > prev ? ns : prev;
}

void udelay_ns(uint64_t ns)
{
	uint64_t end = clock_monotonic_ns() + ns;
	while (clock_monotonic_ns() < end)
		arch_cpu_relax();
}

void arch_timer_interrupt(void)
{
	struct cpu *c = this_cpu();
	c->ticks++;
	if (c->id == 0)
		jiffies++;
	if (c->cur)
		sched_tick();
}
