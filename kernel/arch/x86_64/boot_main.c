/*
 * The arch side of boot: arch_boot_main() is called from boot.asm on the
 * boot stack in the higher half. It brings up the serial console first (so
 * everything after can report), copies the multiboot2 information and hands
 * over to kernel_main().
 */
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/context.h>
#include <arch/cpu.h>
#include <arch/io.h>
#include <arch/irqflags.h>
#include <arch/percpu.h>
#include <arch/platform.h>
#include <arch/smp.h>
#include <arch/trap.h>
#include <boot.h>
#include <console.h>
#include <panic.h>
#include <printk.h>
#include <time.h>

int multiboot2_parse(uint32_t magic, phys_addr_t info);
void arch_syscall_init_cpu(void);
void timer_calibrate(void);
void rtc_init(void);

__noreturn void arch_boot_main(uint32_t magic, uint32_t info)
{
	serial_early_init();
	if (multiboot2_parse(magic, info) < 0)
		panic("not booted by a multiboot2 loader (magic %x)", magic);
	kernel_main();
}

void arch_cpu_init(void)
{
	cpu_features_init();
	arch_fpu_cpu_init();
	gdt_init_cpu(0);
	idt_init();
	arch_syscall_init_cpu();
	pr_info("cpu: %s %s, NX %s, 1G pages %s, SMEP %s, SMAP %s\n", cpu_features.vendor,
		cpu_features.brand, cpu_features.nx ? "yes" : "no",
		cpu_features.pdpe1gb ? "yes" : "no", cpu_features.smep ? "yes" : "no",
		cpu_features.smap ? "yes" : "no");
}

void arch_platform_init(void)
{
	pic_disable();
	if (acpi_init() < 0 || !acpi.nr_ioapics)
		panic("no ACPI MADT with an IOAPIC: this machine is not supported");
	nr_cpus = 1;
	cpus[0].online = true;
	lapic_init();
	ioapic_init();
	timer_calibrate();
	lapic_timer_start();
	rtc_init();
	arch_irq_enable();
	smp_start_aps();
	pr_info("smp: %u CPUs described by ACPI, %u online\n", acpi.nr_cpus, nr_cpus);
}

__noreturn void arch_poweroff(int code)
{
	pr_notice("Powering off.\n");
	arch_irq_disable();
	acpi_poweroff();
	/* QEMU's isa-debug-exit device, when present: exit status (code << 1) | 1. */
	outb(0xf4, (uint8_t)code);
	pr_emerg("Power-off failed; halting.\n");
	cpu_halt_forever();
}

void arch_idle_wait(void)
{
	/* sti takes effect after the next instruction, so no wake-up is lost before hlt. */
	__asm__ volatile("sti; hlt" ::: "memory");
}
