/*
 * Interrupt and exception entry. isr.asm saves the registers into a struct
 * trap_frame on the current stack and calls trap_dispatch().
 */
#ifndef CAIRN_ARCH_TRAP_H
#define CAIRN_ARCH_TRAP_H

#include <types.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	/* Pushed by the CPU. */
	uint64_t rip, cs, rflags, rsp, ss;
};

#define VEC_DE 0
#define VEC_DB 1
#define VEC_NMI 2
#define VEC_BP 3
#define VEC_UD 6
#define VEC_DF 8
#define VEC_GP 13
#define VEC_PF 14
#define VEC_MC 18

#define VEC_PIC_BASE 0x20     /* legacy PIC, remapped and masked */
#define VEC_IRQ_BASE 0x30     /* IOAPIC GSIs 0..(IRQ_LINES-1) */
#define IRQ_LINES 64
#define VEC_LAPIC_TIMER 0xf0
#define VEC_IPI_HALT 0xf1
#define VEC_LAPIC_ERROR 0xfe
#define VEC_SPURIOUS 0xff

/* trap_frame.vector of a system call frame (syscall.asm); error holds the number. */
#define SYSCALL_FRAME 0x100
/* A frame rt_sigreturn rebuilt: not a system call any more. */
#define SIGRETURN_FRAME 0x101

/* Called from isr.asm with interrupts off. */
void trap_dispatch(struct trap_frame *tf);
/* Pending work before any return to user mode: rescheduling and signals. */
void return_to_user(struct trap_frame *tf);

void gdt_init_cpu(unsigned cpu);
void idt_init(void);
void idt_load(void);

/*
 * Exception fixups: an instruction that may fault on purpose (probing a
 * user or unknown address) is listed in .extable with the address to resume
 * at; the fault handler then jumps there with rax = -EFAULT.
 */
struct extable_entry {
	uintptr_t fault_ip;
	uintptr_t fixup_ip;
};
bool extable_fixup(struct trap_frame *tf);

/* Reads 8 bytes at addr; returns 0 or -EFAULT if that faults. */
int arch_probe_read64(const void *addr, uint64_t *out);

#endif
