/*
 * Per-CPU data. Each CPU's GS base points at its struct cpu while in the
 * kernel; this_cpu() reads it back through %gs:0 (the self pointer).
 */
#ifndef CAIRN_ARCH_PERCPU_H
#define CAIRN_ARCH_PERCPU_H

#include <types.h>

#define MAX_CPUS 16

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

struct task;

/*
 * The first fields are read by assembly at fixed offsets (CPU_* below):
 * keep them in this order.
 */
struct cpu {
	struct cpu *self;       /* %gs:0, this_cpu() */
	uint64_t kernel_rsp;    /* %gs:8, top of the current task's kernel stack */
	uint64_t user_rsp;      /* %gs:16, user rsp saved by the syscall entry */
	struct task *cur;       /* %gs:24, the running task */
	unsigned id;            /* index in cpus[] */
	uint32_t apic_id;
	bool online;
	uint64_t gdt[8];        /* null, kcode, kdata, ucode32, udata, ucode64, tss (2 slots) */
	struct tss tss;
	uint64_t ticks;         /* timer interrupts on this CPU */
};

#define CPU_KERNEL_RSP 8
#define CPU_USER_RSP 16
#define CPU_CURRENT 24

extern struct cpu cpus[MAX_CPUS];
extern unsigned nr_cpus;

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	__asm__ volatile("mov %%gs:0, %0" : "=r"(c));
	return c;
}

#endif
