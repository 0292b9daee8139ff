/* A description of the CPU from CPUID, for /proc/cpuinfo (arch/x86_64/cpuinfo.c). */
#ifndef CAIRN_ARCH_CPUINFO_H
#define CAIRN_ARCH_CPUINFO_H

#include <types.h>

struct arch_cpu_desc {
	char vendor[13];      /* "GenuineIntel", "AuthenticAMD" */
	char model_name[49];  /* the brand string, or "unknown" */
	unsigned family, model, stepping;
	unsigned cache_kb;    /* L2 size, 0 when unknown */
	unsigned clflush_size;
	unsigned phys_bits, virt_bits;
	char flags[512];      /* Linux's names of the feature bits set, space-separated */
};

/* Describes the CPU this runs on (every CPU is taken to be the same). */
void arch_cpu_describe(struct arch_cpu_desc *d);

#endif
