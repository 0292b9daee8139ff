/*
 * Exception and interrupt dispatch. CPU exceptions in kernel mode first try
 * the fixup table (deliberate probes of possibly-bad addresses); a breakpoint
 * logs and continues; anything else is a kernel bug and panics with the
 * exception's name and its decoded details. Vectors from VEC_IRQ_BASE up go
 * to the IRQ layer.
 */
#include <arch/apic.h>
#include <arch/cpu.h>
#include <arch/mmu.h>
#include <arch/percpu.h>
#include <arch/trap.h>
#include <errno.h>
#include <mm/vm.h>
#include <proc/process.h>
#include <proc/signal.h>
#include <uapi/signal.h>
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

static bool extable_has(uintptr_t ip)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++)
		if (e->fault_ip == ip)
			return true;
	return false;
}

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

/* The signal a user-mode exception raises. */
static int exception_signal(uint64_t vec)
{
	switch (vec) {
	case VEC_DE:
	case 16: /* x87 */
	case 19: /* SIMD */
		return SIGFPE;
	case VEC_DB:
	case VEC_BP:
		return SIGTRAP;
	case VEC_UD:
		return SIGILL;
	case 17: /* alignment check */
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static unsigned fault_access(uint64_t error)
{
	if (error & 16)
		return VM_FAULT_EXEC;
	return (error & 2) ? VM_FAULT_WRITE : VM_FAULT_READ;
}

/* A fault in user mode: resolved by the memory manager, or a signal. */
static void user_exception(struct trap_frame *tf)
{
	struct task *t = current;
	uint64_t vec = tf->vector;
	t->user_frame = tf;
	arch_irq_enable();
	if (vec == VEC_PF) {
		uintptr_t addr = read_cr2();
		int err = t->proc && t->proc->mm ? vm_fault(t->proc->mm, addr, fault_access(tf->error))
						 : -EFAULT;
		if (err == 0)
			goto out;
		pr_debug("pid %d: page fault at %lx (rip %lx), signal\n", t->proc ? t->proc->pid : 0,
			 addr, tf->rip);
		if (err == -EFAULT) {
			struct vma *v = t->proc && t->proc->mm ? vm_find(t->proc->mm, addr) : NULL;
			signal_force_fault(t, SIGSEGV, v ? SEGV_ACCERR : SEGV_MAPERR, addr);
		} else {
			signal_force_fault(t, SIGBUS, BUS_ADRERR, addr);
		}
		goto out;
	}
	signal_force_fault(t, exception_signal(vec), SI_KERNEL, tf->rip);
out:
	return_to_user(tf);
}

/*
 * A uaccess instruction (one listed in the fixup table) touched a user page
 * that is not there yet: fault it in like a user access. Any other kernel
 * access to user memory is a bug and is not helped.
 */
static bool kernel_user_fault(struct trap_frame *tf)
{
	uintptr_t addr = read_cr2();
	struct task *t = cpus[0].self ? current : NULL;
	if (!t || !t->proc || !t->proc->mm || addr >= USER_TOP || !extable_has(tf->rip))
		return false;
	return vm_fault(t->proc->mm, addr, fault_access(tf->error)) == 0;
}

void trap_dispatch(struct trap_frame *tf)
{
	uint64_t vec = tf->vector;
	if (vec < 32 && (tf->cs & 3) && vec != VEC_NMI && vec != VEC_MC && vec != VEC_DF) {
		user_exception(tf);
		return;
	}
	if (vec < 32) {
		if (vec == VEC_PF && kernel_user_fault(tf))
			return;
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
	if (tf->cs & 3)
		return_to_user(tf);
}
