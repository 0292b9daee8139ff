/*
 * Self-test of the IRQ layer with a real device: the CMOS clock's periodic
 * interrupt (IRQ 8) with two handlers sharing the line, one of which claims it.
 */
#include <arch/io.h>
#include <errno.h>
#include <irq.h>
#include <ktest.h>
#include <proc/sched.h>

static volatile int claimed, seen_by_bystander;

static int rtc_claim(void *data)
{
	(void)data;
	outb(0x70, 0x0c);
	if (!(inb(0x71) & 0x40)) /* register C: periodic interrupt flag, cleared by the read */
		return IRQ_NONE;
	claimed++;
	return IRQ_HANDLED;
}

static int bystander(void *data)
{
	(void)data;
	seen_by_bystander++;
	return IRQ_NONE;
}

KTEST(irq_shared_line)
{
	claimed = seen_by_bystander = 0;
	uint64_t before = irq_count(8);
	KT_ASSERT(irq_register(8, bystander, NULL, "ktest-bystander") == 0);
	KT_ASSERT(irq_register(8, rtc_claim, NULL, "ktest-rtc") == 0);
	unsigned long flags = arch_irq_save();
	outb(0x70, 0x8a);
	outb(0x71, (inb(0x71) & 0xf0) | 0x06); /* register A: 1024 Hz */
	outb(0x70, 0x8b);
	uint8_t b = inb(0x71);
	outb(0x70, 0x8b);
	outb(0x71, b | 0x40); /* register B: periodic interrupts on */
	outb(0x70, 0x0c);
	(void)inb(0x71);
	arch_irq_restore(flags);
	sched_sleep_ns(50 * 1000000ULL);
	outb(0x70, 0x8b);
	outb(0x71, b & ~0x40);
	KT_ASSERT(irq_unregister(8, rtc_claim, NULL) == 0);
	KT_ASSERT(irq_unregister(8, bystander, NULL) == 0);
	KT_ASSERT(irq_unregister(8, bystander, NULL) == -ENOENT);
	/* About 50 interrupts in 50 ms; both handlers saw each one. */
	KT_ASSERT(claimed >= 10);
	KT_ASSERT(seen_by_bystander >= claimed);
	KT_ASSERT(irq_count(8) - before >= (uint64_t)claimed);
	return 0;
}
