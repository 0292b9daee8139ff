/*
 * Interrupt lines with shared handlers. The arch layer routes a line to a
 * vector (arch_irq_route) and acknowledges it (arch_irq_eoi); this file keeps
 * the handler lists. Handlers run with interrupts off.
 */
#include <arch/apic.h>
#include <arch/trap.h>
#include <errno.h>
#include <irq.h>
#include <list.h>
#include <mm/slab.h>
#include <printk.h>
#include <spinlock.h>

struct irq_action {
	irq_handler_t fn;
	void *data;
	const char *name;
	struct list_head link;
};

struct irq_line {
	struct list_head actions;
	uint64_t count;
	uint64_t unhandled;
	bool routed;
};

static struct irq_line lines[IRQ_LINES];
static struct spinlock irq_lock = SPINLOCK_INIT("irq");

static bool lines_ready;

static void lines_init(void)
{
	for (unsigned i = 0; i < IRQ_LINES; i++)
		list_init(&lines[i].actions);
	lines_ready = true;
}

int irq_register(unsigned irq, irq_handler_t fn, void *data, const char *name)
{
	unsigned gsi = arch_irq_to_gsi(irq);
	if (gsi >= IRQ_LINES || !fn)
		return -EINVAL;
	struct irq_action *a = kmalloc(sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->fn = fn;
	a->data = data;
	a->name = name;
	unsigned long flags = spin_lock_irqsave(&irq_lock);
	if (!lines_ready)
		lines_init();
	struct irq_line *l = &lines[gsi];
	list_add_tail(&a->link, &l->actions);
	if (!l->routed) {
		arch_irq_route(irq, VEC_IRQ_BASE + gsi);
		l->routed = true;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	pr_debug("irq: %s on IRQ %u (GSI %u)\n", name, irq, gsi);
	return 0;
}

int irq_unregister(unsigned irq, irq_handler_t fn, void *data)
{
	unsigned gsi = arch_irq_to_gsi(irq);
	if (gsi >= IRQ_LINES || !lines_ready)
		return -EINVAL;
	int err = -ENOENT;
	struct irq_action *a, *tmp;
	unsigned long flags = spin_lock_irqsave(&irq_lock);
	list_for_each_entry_safe(a, tmp, &lines[gsi].actions, link)
	{
		if (a->fn == fn && a->data == data) {
			list_del(&a->link);
			kfree(a);
			err = 0;
			break;
		}
	}
	if (!err && list_empty(&lines[gsi].actions) && lines[gsi].routed) {
		arch_irq_mask(irq);
		lines[gsi].routed = false;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	return err;
}

void irq_dispatch(unsigned vector)
{
	if (vector == VEC_LAPIC_TIMER) {
		arch_timer_interrupt();
		arch_irq_eoi();
		return;
	}
	if (vector < VEC_IRQ_BASE || vector >= VEC_IRQ_BASE + IRQ_LINES || !lines_ready) {
		arch_irq_eoi();
		return;
	}
	struct irq_line *l = &lines[vector - VEC_IRQ_BASE];
	int handled = IRQ_NONE;
	struct irq_action *a;
	spin_lock(&irq_lock);
	l->count++;
	list_for_each_entry(a, &l->actions, link)
		handled |= a->fn(a->data);
	if (handled == IRQ_NONE && ++l->unhandled % 1000 == 1)
		pr_warn("irq: nobody handled GSI %u (%lu times)\n", vector - VEC_IRQ_BASE,
			l->unhandled);
	spin_unlock(&irq_lock);
	arch_irq_eoi();
}

uint64_t irq_count(unsigned irq)
{
	unsigned gsi = arch_irq_to_gsi(irq);
	return gsi < IRQ_LINES ? lines[gsi].count : 0;
}
