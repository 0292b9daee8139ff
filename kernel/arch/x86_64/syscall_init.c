/*
 * The syscall instruction: STAR holds the kernel and user selector bases
 * (sysret loads CS = base + 16 and SS = base + 8, giving 0x2b and 0x23),
 * LSTAR the entry point, SFMASK the flags cleared on entry (IF, TF, DF, AC).
 */
#include <arch/cpu.h>
#include <arch/segments.h>
#include <arch/trap.h>
#include <types.h>

extern char syscall_entry[];

void arch_syscall_init_cpu(void)
{
	wrmsr(MSR_STAR, ((uint64_t)(SEL_UCODE32 & ~3) << 48) | ((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_SFMASK, (1 << 9) | (1 << 8) | (1 << 10) | (1 << 18));
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1); /* SCE */
}

bool arch_frame_sysret_safe(const struct trap_frame *tf)
{
	/* sysret would fault in kernel mode on a non-canonical rip (CVE-2012-0217). */
	return tf->cs == SEL_UCODE && tf->ss == SEL_UDATA && tf->rip < 0x00007ffffffff000UL &&
	       tf->rcx == tf->rip && tf->r11 == tf->rflags && !(tf->rflags & ((1 << 8) | (1 << 16)));
}
