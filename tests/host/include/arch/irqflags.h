/* Host stand-in for the kernel's interrupt flag control: host tests are single-threaded. */
#ifndef CAIRN_ARCH_IRQFLAGS_H
#define CAIRN_ARCH_IRQFLAGS_H

static inline unsigned long arch_irq_save(void)
{
	return 0;
}

static inline void arch_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline void arch_cpu_relax(void)
{
}

#endif
