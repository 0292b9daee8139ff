/*
 * Device interrupt registration. Lines are identified by their ISA IRQ number
 * (0-15, translated through the ACPI interrupt overrides) or, above 15, by
 * their global system interrupt. Several handlers may share one line; each is
 * called in turn and reports whether its device raised the interrupt.
 */
#ifndef CAIRN_IRQ_H
#define CAIRN_IRQ_H

#include <types.h>

#define IRQ_NONE 0
#define IRQ_HANDLED 1

typedef int (*irq_handler_t)(void *data);

/* Adds a handler and unmasks the line. Returns 0, -EINVAL or -ENOMEM. */
int irq_register(unsigned irq, irq_handler_t fn, void *data, const char *name);
/* Removes the handler registered with the same fn and data; masks an idle line. */
int irq_unregister(unsigned irq, irq_handler_t fn, void *data);
/* Called by the trap code for device vectors; acknowledges the interrupt. */
void irq_dispatch(unsigned vector);
/* Interrupts handled per line, for /proc/interrupts and the self-tests. */
uint64_t irq_count(unsigned irq);

#endif
