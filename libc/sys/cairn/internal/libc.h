/* Declarations private to Cairn's C library glue (libc/sys/cairn). */
#ifndef _CAIRN_INTERNAL_LIBC_H
#define _CAIRN_INTERNAL_LIBC_H

#include <stdnoreturn.h>

/* The auxiliary vector execve(2) left after envp (pairs of key and value). */
extern unsigned long *__auxv;

/* The value of auxiliary vector entry `type` (AT_*), or 0 if it is absent. */
unsigned long __getauxval(unsigned long type);

/* The RLIMIT_NOFILE soft limit, or -1 (unlimited, or errno set). */
long __open_max(void);

/* Sets up the main thread's TLS and descriptor (pthread/__pthread_init_main.c). */
void __pthread_init_main(void);

/* Called by crt0's _start with the initial stack pointer. */
noreturn void __libc_start(long *sp);

#endif
