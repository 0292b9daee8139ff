/* Arch hooks called by kernel_main() in boot order. */
#ifndef CAIRN_ARCH_PLATFORM_H
#define CAIRN_ARCH_PLATFORM_H

#include <arch/mmu.h>
#include <types.h>

/* GDT, TSS, IDT and CPU features of the boot CPU. */
void arch_cpu_init(void);
/* ACPI, interrupt controllers, timers and the real-time clock; enables interrupts. */
void arch_platform_init(void);
/* Powers off (ACPI S5; isa-debug-exit with code as a fallback for tests). */
__noreturn void arch_poweroff(int code);
/* With interrupts disabled by the caller: enables them and halts until the next one. */
void arch_idle_wait(void);

#endif
