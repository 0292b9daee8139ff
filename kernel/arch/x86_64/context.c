/*
 * Task contexts on x86-64. A task's kernel stack top holds its user register
 * frame (struct trap_frame) while it is in the kernel; below it, a switch
 * frame (six callee-saved registers and a return address) is what
 * switch_context() pops when the task is resumed. The FPU/SSE state is saved
 * and restored eagerly on every switch between user tasks with fxsave.
 */
#include <arch/context.h>
#include <arch/cpu.h>
#include <arch/percpu.h>
#include <arch/segments.h>
#include <arch/trap.h>
#include <lib/string.h>
#include <proc/task.h>

extern char kthread_start[], user_task_start[];

struct switch_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp, ret;
};

static uintptr_t stack_top(struct task *t)
{
	return (uintptr_t)t->kstack + KSTACK_SIZE;
}

void arch_context_init_kthread(struct task *t, void (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)(stack_top(t) - 16) - 1;
	memset(f, 0, sizeof(*f));
	f->r12 = (uint64_t)fn;
	f->rbx = (uint64_t)arg;
	f->ret = (uint64_t)kthread_start;
	t->ksp = (uintptr_t)f;
}

void arch_context_init_user(struct task *t, const struct trap_frame *frame)
{
	struct trap_frame *tf = (struct trap_frame *)stack_top(t) - 1;
	*tf = *frame;
	t->user_frame = tf;
	struct switch_frame *f = (struct switch_frame *)tf - 1;
	memset(f, 0, sizeof(*f));
	f->ret = (uint64_t)user_task_start;
	t->ksp = (uintptr_t)f;
}

void arch_fpu_init(struct task *t)
{
	memset(t->fpu, 0, sizeof(t->fpu));
	*(uint16_t *)&t->fpu[0] = 0x037f;   /* FCW: all exceptions masked, 64-bit precision */
	*(uint32_t *)&t->fpu[24] = 0x1f80;  /* MXCSR: all exceptions masked */
	*(uint32_t *)&t->fpu[28] = 0xffff;  /* MXCSR_MASK as reported by fxsave */
}

void arch_fpu_cpu_init(void)
{
	uint64_t cr0 = read_cr0();
	cr0 &= ~(1UL << 2); /* EM: no emulation */
	cr0 |= 1UL << 1;    /* MP */
	cr0 &= ~(1UL << 3); /* TS */
	__asm__ volatile("mov %0, %%cr0" ::"r"(cr0));
	write_cr4(read_cr4() | (1UL << 9) | (1UL << 10)); /* OSFXSR, OSXMMEXCPT */
	__asm__ volatile("fninit");
}

void arch_context_switch_prepare(struct task *prev, struct task *next)
{
	struct cpu *c = this_cpu();
	if (prev->proc) {
		__asm__ volatile("fxsave64 %0" : "=m"(*(uint8_t(*)[512])prev->fpu));
		prev->fs_base = rdmsr(MSR_FS_BASE);
	}
	if (next->proc) {
		__asm__ volatile("fxrstor64 %0" ::"m"(*(uint8_t(*)[512])next->fpu));
		wrmsr(MSR_FS_BASE, next->fs_base);
	}
	if (next->kstack) {
		c->kernel_rsp = stack_top(next);
		c->tss.rsp[0] = stack_top(next);
	}
}

void arch_user_frame_reset(struct trap_frame *tf, uintptr_t entry, uintptr_t sp)
{
	memset(tf, 0, sizeof(*tf));
	tf->rip = entry;
	tf->rsp = sp;
	tf->cs = SEL_UCODE;
	tf->ss = SEL_UDATA;
	tf->rflags = 0x202; /* IF */
}

struct trap_frame *arch_task_user_frame(struct task *t)
{
	return (struct trap_frame *)stack_top(t) - 1;
}

void arch_enter_user(struct trap_frame *tf)
{
	__asm__ volatile("cli\n"
			 "mov %0, %%rsp\n"
			 "jmp trap_exit" ::"r"(tf)
			 : "memory");
	__builtin_unreachable();
}
