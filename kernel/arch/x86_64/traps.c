/*
 * Exception and interrupt dispatch. CPU exceptions in kernel mode first try
 * the fixup table (deliberate probes of possibly-bad addresses); a breakpoint
 * logs and continues; anything else is a kernel bug and panics with the
 * exception's name and its decoded details. Vectors from VEC_IRQ_BASE up go
 * to the IRQ layer.
 */
#include <arch/apic.h>
#include <arch/cpu.h>
#include <arch/trap.h>
#include <irq.h>
#include <panic.h>
#include <printk.h>

static const char *const exception_names[32] = {
	"divide error",
	"debug",
	"non-maskable interrupt",
	"breakpoint",
	"overflow",
	"bound range exceeded",
	"invalid opcode",
	"device not available",
	"double fault",
	"coprocessor segment overrun",
	"invalid TSS",
	"segment not present",
	"stack-segment fault",
	"general protection fault",
	"page fault",
	"reserved (15)",
	"x87 floating-point error",
	"alignment check",
	"machine check",
	"SIMD floating-point error",
	"virtualization exception",
	"control protection exception",
	"reserved (22)",
	"reserved (23)",
	"reserved (24)",
	"reserved (25)",
	"reserved (26)",
	"reserved (27)",
	"hypervisor injection exception",
	"VMM communication exception",
	"security exception",
	"reserved (31)",
};

extern const struct extable_entry __extable_start[], __extable_end[];

bool extable_fixup(struct trap_frame *tf)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++) {
		if (e->fault_ip == tf->rip) {
			tf->rip = e->fixup_ip;
			return true;
		}
	}
	return false;
}

/* Counts of handled breakpoints and fixups, read by the kernel self-tests. */
volatile uint64_t trap_breakpoints, trap_fixups;

static __noreturn void kernel_exception(struct trap_frame *tf)
{
	const char *name = exception_names[tf->vector];
	if (tf->vector == VEC_PF) {
		uint64_t e = tf->error;
		panic_frame(tf, "page fault at %016lx: %s %s in %s mode%s%s", read_cr2(),
			    e & 1 ? "protection violation on" : "not-present page on",
			    e & 16 ? "instruction fetch" : (e & 2 ? "write" : "read"),
			    e & 4 ? "user" : "kernel", e & 8 ? ", reserved bit set" : "",
			    e & 32 ? ", protection key" : "");
	}
	if (tf->vector == VEC_GP || (tf->vector >= 10 && tf->vector <= 12)) {
		uint64_t e = tf->error;
		panic_frame(tf, "%s, selector %04lx (%s, index %lu)%s", name, e & 0xfff8,
			    (e & 2) ? "IDT" : ((e & 4) ? "LDT" : "GDT"), (e >> 3) & 0x1fff,
			    e & 1 ? ", external" : "");
	}
	panic_frame(tf, "%s", name);
}

void trap_dispatch(struct trap_frame *tf)
{
	uint64_t vec = tf->vector;
	if (vec < 32) {
		if (vec == VEC_BP) {
			trap_breakpoints++;
			pr_info("breakpoint at %016lx, continuing\n", tf->rip - 1);
			return;
		}
		if (vec == VEC_NMI && arch_nmi_halt_requested())
			cpu_halt_forever();
		if ((tf->cs & 3) == 0 && extable_fixup(tf)) {
			trap_fixups++;
			tf->rax = (uint64_t)-14; /* -EFAULT */
			return;
		}
		kernel_exception(tf);
	}
	if (vec == VEC_SPURIOUS)
		return;
	if (vec >= VEC_PIC_BASE && vec < VEC_PIC_BASE + 16) {
		/* The PIC is masked; only spurious IRQ 7 / 15 can arrive. */
		pic_spurious(vec - VEC_PIC_BASE);
		return;
	}
	if (vec == VEC_IPI_HALT)
		cpu_halt_forever();
	irq_dispatch((unsigned)vec);
}
