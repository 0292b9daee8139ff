/*
 * Kernel timers (proc/timer.h): an unsorted list of armed timers that the
 * boot CPU's tick scans. The list is short (a few timers per process that
 * uses them); every change happens with interrupts off, which on the only
 * scheduling CPU is the lock.
 */
#include <arch/irqflags.h>
#include <proc/timer.h>

static LIST_HEAD(armed);

void ktimer_init(struct ktimer *t, void (*fn)(struct ktimer *t))
{
	list_init(&t->link);
	t->expires = 0;
	t->fn = fn;
}

void ktimer_arm(struct ktimer *t, uint64_t expires)
{
	unsigned long flags = arch_irq_save();
	t->expires = expires;
	if (list_empty(&t->link))
		list_add_tail(&t->link, &armed);
	arch_irq_restore(flags);
}

void ktimer_cancel(struct ktimer *t)
{
	unsigned long flags = arch_irq_save();
	list_del(&t->link);
	arch_irq_restore(flags);
}

bool ktimer_armed(const struct ktimer *t)
{
	return !list_empty(&t->link);
}

void ktimer_tick(uint64_t now)
{
	struct ktimer *t, *tmp;
	list_for_each_entry_safe(t, tmp, &armed, link)
	{
		if (t->expires > now)
			continue;
		list_del(&t->link);
		t->fn(t); /* may arm t again; the scan does not come back to it */
	}
}
