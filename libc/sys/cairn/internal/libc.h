/* Declarations private to Cairn's C library glue (libc/sys/cairn). */
#ifndef _CAIRN_INTERNAL_LIBC_H
#define _CAIRN_INTERNAL_LIBC_H

#include <stddef.h>
#include <stdnoreturn.h>

/*
 * argv[0] and its last component, set by __libc_start (glibc's names; newlib
 * declares them for Cygwin only). err(), warn() and syslog() print the short one.
 */
extern char *program_invocation_name;
extern char *program_invocation_short_name;

/* The auxiliary vector execve(2) left after envp (pairs of key and value). */
extern unsigned long *__auxv;

/* The value of auxiliary vector entry `type` (AT_*), or 0 if it is absent. */
unsigned long __getauxval(unsigned long type);

/* The RLIMIT_NOFILE soft limit, or -1 (unlimited, or errno set). */
long __open_max(void);

/* Sets up the main thread's TLS and descriptor (pthread/__pthread_init_main.c). */
void __pthread_init_main(void);

/* pathconf()'s value for name, the same on every filesystem (__pathconf_value.c). */
long __pathconf_value(int name);

/* "/dev/shm" + name into buf for shm_open() and shm_unlink(); 0 or -1 and errno. */
int __shm_path(char *buf, size_t size, const char *name);

/* Called by crt0's _start with the initial stack pointer. */
noreturn void __libc_start(long *sp);

#endif
