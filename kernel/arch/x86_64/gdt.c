/*
 * Global descriptor table and task state segment, one pair per CPU.
 *
 * Selector layout (fixed by syscall/sysret, see arch/segments.h):
 * 0x08 kernel code, 0x10 kernel data, 0x18 user code (32-bit, unused),
 * 0x20 user data, 0x28 user code (64-bit), 0x30 TSS.
 * The TSS gives three IST stacks: #DF, NMI and #MC run on their own stacks so
 * a corrupt or overflowed kernel stack still produces a readable panic.
 */
#include <arch/cpu.h>
#include <arch/percpu.h>
#include <arch/segments.h>
#include <arch/trap.h>
#include <lib/string.h>

struct cpu cpus[MAX_CPUS];
unsigned nr_cpus = 1;

#define IST_STACK_SIZE 8192
static uint8_t ist_stacks[MAX_CPUS][3][IST_STACK_SIZE] __aligned(16);

struct gdtr {
	uint16_t limit;
	uint64_t base;
} __packed;

/*
 * Loads this CPU's GDT, reloads the segment registers, sets the GS base to
 * its struct cpu and loads the task register.
 */
void gdt_init_cpu(unsigned id)
{
	struct cpu *c = &cpus[id];
	c->self = c;
	c->id = id;

	c->gdt[0] = 0;
	c->gdt[1] = 0x00af9a000000ffffULL; /* kernel code, 64-bit */
	c->gdt[2] = 0x00cf92000000ffffULL; /* kernel data */
	c->gdt[3] = 0x00cffa000000ffffULL; /* user code, 32-bit */
	c->gdt[4] = 0x00cff2000000ffffULL; /* user data */
	c->gdt[5] = 0x00affa000000ffffULL; /* user code, 64-bit */

	memset(&c->tss, 0, sizeof(c->tss));
	for (int i = 0; i < 3; i++)
		c->tss.ist[i] = (uint64_t)&ist_stacks[id][i][IST_STACK_SIZE];
	c->tss.iomap_base = sizeof(struct tss);

	uint64_t base = (uint64_t)&c->tss;
	uint64_t limit = sizeof(struct tss) - 1;
	/* 64-bit available TSS descriptor: two slots. */
	uint64_t lo = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
		      (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	c->gdt[6] = lo;
	c->gdt[7] = base >> 32;

	struct gdtr gdtr = { sizeof(c->gdt) - 1, (uint64_t)c->gdt };
	__asm__ volatile("lgdt %0" ::"m"(gdtr));
	__asm__ volatile("pushq %0\n"
			 "leaq 1f(%%rip), %%rax\n"
			 "pushq %%rax\n"
			 "lretq\n"
			 "1:\n"
			 "movw %w1, %%ds\n"
			 "movw %w1, %%es\n"
			 "movw %w1, %%ss\n" ::"i"((uint64_t)SEL_KCODE),
			 "r"(SEL_KDATA)
			 : "rax", "memory");
	__asm__ volatile("movw %w0, %%fs\nmovw %w0, %%gs" ::"r"(0));
	wrmsr(MSR_GS_BASE, (uint64_t)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	__asm__ volatile("ltr %w0" ::"r"(SEL_TSS));
}
