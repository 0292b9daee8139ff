/*
 * Multiprocessor start-up and stop.
 *
 * smp_start_aps() wakes every CPU the MADT lists with INIT and STARTUP IPIs
 * into trampoline.asm, one at a time, and waits for each to mark itself
 * online. An AP loads its own GDT/TSS, the shared IDT and enables its local
 * APIC, then idles until the scheduler gives it work (FIXME: per-CPU run
 * queues arrive with the process issue). arch_stop_other_cpus() sends an NMI
 * to every other online CPU; each acknowledges and halts, so panic() can say
 * that the machine has stopped.
 */
#include <arch/acpi.h>
#include <arch/apic.h>
#include <arch/context.h>
#include <arch/cpu.h>
#include <proc/task.h>
#include <arch/mmu.h>
#include <arch/percpu.h>
#include <arch/smp.h>
#include <arch/trap.h>
#include <lib/string.h>
#include <mm/pmm.h>
#include <printk.h>
#include <time.h>

#define TRAMP_BASE 0x8000UL

void arch_syscall_init_cpu(void);
#define AP_STACK_ORDER 2 /* 16 KiB */

struct trampoline_params {
	uint64_t cr3, efer, stack, cpu, entry;
};

extern const char trampoline_start[], trampoline_end[], trampoline_params[];

static volatile bool halt_requested;
static volatile unsigned cpus_stopped;
static uint64_t bsp_cr4;

unsigned arch_cpu_id(void)
{
	return cpus[0].self ? this_cpu()->id : 0;
}

bool arch_nmi_halt_requested(void)
{
	if (halt_requested)
		__atomic_add_fetch(&cpus_stopped, 1, __ATOMIC_SEQ_CST);
	return halt_requested;
}

unsigned arch_cpus_online(void)
{
	return nr_cpus;
}

void arch_stop_other_cpus(unsigned *others_out, unsigned *stopped_out)
{
	halt_requested = true;
	unsigned me = arch_cpu_id(), others = 0;
	for (unsigned i = 0; i < nr_cpus; i++) {
		if (i != me && cpus[i].online) {
			lapic_send_ipi(cpus[i].apic_id, 0x400); /* delivery mode NMI */
			others++;
		}
	}
	/* Give them a moment to acknowledge; a wedged CPU must not block the panic. */
	for (int spin = 0; spin < 10000000 && cpus_stopped < others; spin++)
		arch_cpu_relax();
	*others_out = others;
	*stopped_out = cpus_stopped;
}

/* First C code on an AP, on its own stack, with interrupts off. */
static __noreturn void ap_entry(struct cpu *c)
{
	write_cr4(bsp_cr4);
	arch_fpu_cpu_init();
	gdt_init_cpu(c->id);
	task_init_idle(c->id);
	idt_load();
	arch_syscall_init_cpu();
	lapic_init_ap();
	c->apic_id = lapic_id();
	__atomic_store_n(&c->online, true, __ATOMIC_RELEASE);
	for (;;) {
		arch_irq_enable();
		cpu_halt();
	}
}

static bool start_ap(unsigned id, uint32_t apic_id)
{
	phys_addr_t stack = pmm_alloc_pages(AP_STACK_ORDER);
	if (!stack) {
		pr_warn("smp: no memory for CPU %u's stack\n", id);
		return false;
	}
	struct trampoline_params *p = phys_to_virt(TRAMP_BASE + (trampoline_params - trampoline_start));
	p->cr3 = kernel_space.pml4;
	p->efer = rdmsr(MSR_EFER);
	p->stack = (uint64_t)phys_to_virt(stack) + (PAGE_SIZE << AP_STACK_ORDER);
	p->cpu = (uint64_t)&cpus[id];
	p->entry = (uint64_t)ap_entry;
	cpus[id].id = id;

	lapic_send_ipi(apic_id, 0x4500); /* INIT */
	udelay_ns(10 * 1000000);
	for (int attempt = 0; attempt < 2 && !cpus[id].online; attempt++) {
		lapic_send_ipi(apic_id, 0x4600 | (TRAMP_BASE >> 12)); /* STARTUP */
		uint64_t until = clock_monotonic_ns() + 200 * 1000000ULL;
		while (!__atomic_load_n(&cpus[id].online, __ATOMIC_ACQUIRE) &&
		       clock_monotonic_ns() < until)
			arch_cpu_relax();
	}
	if (!cpus[id].online) {
		pr_warn("smp: CPU %u (APIC %u) did not start\n", id, apic_id);
		pmm_free_pages(stack, AP_STACK_ORDER);
		return false;
	}
	return true;
}

unsigned smp_start_aps(void)
{
	size_t len = (size_t)(trampoline_end - trampoline_start);
	memcpy(phys_to_virt(TRAMP_BASE), trampoline_start, len);
	bsp_cr4 = read_cr4();
	/* The trampoline turns paging on while running at TRAMP_BASE: map it 1:1 meanwhile. */
	if (mmu_map(&kernel_space, TRAMP_BASE, TRAMP_BASE, PAGE_SIZE, 0, false) < 0) {
		pr_warn("smp: cannot map the trampoline; staying on one CPU\n");
		return 0;
	}
	unsigned started = 0;
	uint32_t me = lapic_id();
	for (unsigned i = 0; i < acpi.nr_cpus && nr_cpus < MAX_CPUS; i++) {
		if (acpi.cpu_apic_ids[i] == me)
			continue;
		if (start_ap(nr_cpus, acpi.cpu_apic_ids[i])) {
			nr_cpus++;
			started++;
		}
	}
	mmu_unmap(&kernel_space, TRAMP_BASE, PAGE_SIZE);
	return started;
}
