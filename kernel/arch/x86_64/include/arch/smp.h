/* Multiprocessor support: CPU numbering and cross-CPU stops. */
#ifndef CAIRN_ARCH_SMP_H
#define CAIRN_ARCH_SMP_H

#include <arch/irqflags.h>
#include <types.h>

/* Index of the calling CPU in cpus[] (0 before per-CPU data is set up). */
unsigned arch_cpu_id(void);
/*
 * Sends every other online CPU an NMI that halts it, and waits briefly for
 * them to acknowledge. Sets *others to how many were online and *stopped to
 * how many acknowledged.
 */
void arch_stop_other_cpus(unsigned *others, unsigned *stopped);
/* Number of CPUs running the kernel. */
unsigned arch_cpus_online(void);
/* Starts the application processors listed in the MADT; returns how many came up. */
unsigned smp_start_aps(void);

#endif
