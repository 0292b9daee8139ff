/*
 * Kernel panic: message, registers, symbolized backtrace, then every CPU
 * stops. The output goes straight to the consoles through the log in panic
 * mode (no lock waits), so it works before the heap exists and from any
 * context, including a double fault on an overflowed stack.
 */
#include <arch/cpu.h>
#include <arch/smp.h>
#include <arch/trap.h>
#include <log.h>
#include <panic.h>
#include <printk.h>

static volatile int panic_cpu = -1;

#define BACKTRACE_MAX 32

void backtrace_print(uintptr_t rip, uintptr_t rbp)
{
	uintptr_t off;
	const char *name = ksym_lookup(rip, &off);
	pr_emerg("Backtrace:\n");
	pr_emerg("  [<%016lx>] %s+0x%lx\n", rip, name ? name : "?", name ? off : 0);
	for (int depth = 0; depth < BACKTRACE_MAX && rbp; depth++) {
		uint64_t next, ret;
		if ((rbp & 7) || arch_probe_read64((void *)rbp, &next) ||
		    arch_probe_read64((void *)(rbp + 8), &ret))
			break;
		if (ret == 0)
			break;
		name = ksym_lookup(ret, &off);
		pr_emerg("  [<%016lx>] %s+0x%lx\n", (unsigned long)ret, name ? name : "?",
			 name ? off : 0);
		if (next <= rbp)
			break;
		rbp = next;
	}
}

static void print_frame(const struct trap_frame *tf)
{
	pr_emerg("RIP: %04lx:%016lx RFLAGS: %08lx\n", tf->cs, tf->rip, tf->rflags);
	pr_emerg("RSP: %04lx:%016lx ERR: %lx VEC: %lu\n", tf->ss, tf->rsp, tf->error, tf->vector);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", tf->rax, tf->rbx, tf->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", tf->rdx, tf->rsi, tf->rdi);
	pr_emerg("RBP: %016lx R8:  %016lx R9:  %016lx\n", tf->rbp, tf->r8, tf->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", tf->r10, tf->r11, tf->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", tf->r13, tf->r14, tf->r15);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr0(), read_cr2(),
		 read_cr3(), read_cr4());
}

static __noreturn void panic_common(struct trap_frame *tf, const char *fmt, va_list ap)
{
	arch_irq_disable();
	int me = (int)arch_cpu_id();
	int expected = -1;
	if (!__atomic_compare_exchange_n(&panic_cpu, &expected, me, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST)) {
		/* Another CPU is already panicking (or this one, recursively). */
		cpu_halt_forever();
	}
	log_panic_mode();
	unsigned others, stopped;
	arch_stop_other_cpus(&others, &stopped);

	char msg[LOG_LINE_MAX];
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	pr_emerg("Kernel panic on CPU %d: %s\n", me, msg);
	pr_emerg("Other CPUs stopped: %u of %u\n", stopped, others);
	if (tf) {
		print_frame(tf);
		backtrace_print(tf->rip, tf->rbp);
	} else {
		backtrace_print((uintptr_t)__builtin_return_address(0), read_rbp());
	}
	pr_emerg("---[ end Kernel panic: %s ]---\n", msg);
	cpu_halt_forever();
}

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_common(NULL, fmt, ap);
}

void panic_frame(struct trap_frame *tf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	panic_common(tf, fmt, ap);
}
