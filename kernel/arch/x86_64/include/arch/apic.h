/*
 * Interrupt controllers: the legacy 8259 PIC (remapped, then masked), the
 * local APIC of each CPU (timer, EOI, IPIs) and the IOAPIC(s) that route
 * device lines, all found through the ACPI MADT.
 */
#ifndef CAIRN_ARCH_APIC_H
#define CAIRN_ARCH_APIC_H

#include <types.h>

void pic_disable(void);
void pic_spurious(unsigned irq);

void lapic_init(void);           /* boot CPU: map the registers, enable */
void lapic_init_ap(void);        /* an application processor */
uint32_t lapic_id(void);
void lapic_eoi(void);
void lapic_send_ipi(uint32_t apic_id, uint32_t icr_low);
void lapic_timer_start(void);    /* periodic at HZ, calibrated by timer_calibrate() */

void ioapic_init(void);

/* Maps an ISA IRQ (0-15) to its GSI through the MADT overrides; others map to themselves. */
unsigned arch_irq_to_gsi(unsigned irq);
/* Routes an IRQ to vector on the boot CPU and unmasks it. */
void arch_irq_route(unsigned irq, unsigned vector);
void arch_irq_mask(unsigned irq);
void arch_irq_eoi(void);
void arch_timer_interrupt(void);
bool arch_nmi_halt_requested(void);

#endif
