/*
 * panic() is for broken kernel invariants only: it prints the message, the
 * registers and a symbolized backtrace, stops the other CPUs and halts. Bad
 * input from users, disks or the network never reaches it.
 */
#ifndef CAIRN_PANIC_H
#define CAIRN_PANIC_H

#include <types.h>

struct trap_frame;

__noreturn void panic(const char *fmt, ...) __printf(1, 2);
/* Like panic(), with the registers of an exception frame. */
__noreturn void panic_frame(struct trap_frame *tf, const char *fmt, ...) __printf(2, 3);

#define KASSERT(cond)                                                            \
	do {                                                                     \
		if (unlikely(!(cond)))                                           \
			panic("assertion failed: %s at %s:%d", #cond, __FILE__,  \
			      __LINE__);                                         \
	} while (0)

/* Prints the frame-pointer chain starting at rbp, with symbol names. */
void backtrace_print(uintptr_t rip, uintptr_t rbp);

/* Kernel symbol lookup (kernel/core/ksyms.c, table generated at link time). */
const char *ksym_lookup(uintptr_t addr, uintptr_t *offset);

#endif
