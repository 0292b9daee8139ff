/*
 * The test runtime: what a test program gets besides the raw system calls of
 * sys.h. crt0.S calls main(argc, argv, envp) and exit_group()s with its
 * result; rt.c has the few string helpers the programs need, tprintf() (the
 * kernel's own formatter, kernel/lib/format.c, writing to fd 1) and the TAP
 * vocabulary:
 *
 *	T_OK(cond, fmt, ...)	prints "ok - <prog>: <text>" or
 *				"not ok - <prog>: <text> (file:line)"; returns cond
 *	t_diag(fmt, ...)	prints "# <prog>: <text>" (not a result)
 *	t_done()		the exit status: 0 when every T_OK passed
 *
 * <prog> is argv[0]'s last component without a "test-" prefix, or what
 * t_set_prog() set. Every line is one write(2), so lines printed by
 * different processes never interleave within a line.
 */
#ifndef CAIRN_TEST_RT_H
#define CAIRN_TEST_RT_H

#include <stdarg.h>
#include <stdbool.h>

#include "sys.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Set by crt0.S before main() runs. */
extern int __rt_argc;
extern char **__rt_argv;
extern char **__rt_envp;
extern unsigned long __rt_initial_sp; /* %rsp at _start: points at argc */

/* The auxiliary vector after envp (pairs of key, value, ended by AT_NULL). */
unsigned long *rt_auxv(void);
/* The value of auxv entry key, or 0 when absent. */
unsigned long rt_getauxval(unsigned long key);

size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
/* A decimal (optionally signed) number at the start of s; 0 when there is none. */
long rt_atol(const char *s);
/* The value of environment variable name in envp, or NULL. */
const char *rt_getenv(char **envp, const char *name);

/* Formats with kvsnprintf() (kernel/lib/format.c: no floating point) and writes to fd. */
int tprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int tdprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tsnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* TAP. */
void t_set_prog(const char *name);
const char *t_prog(void);
bool t_ok(bool cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void t_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int t_done(void);
int t_failures(void);
#define T_OK(cond, ...) t_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Time helpers on CLOCK_MONOTONIC. */
int64_t rt_now_ns(void);
void rt_sleep_ms(long ms);

/*
 * Runs fn in a forked child, which exits with fn's return value; returns the
 * raw wait status, or a negative errno when fork or wait4 failed.
 */
int rt_run_child(int (*fn)(void *), void *arg);

/*
 * rt/clone.S: clone(2) on a new stack. The child calls fn(arg) on stack_top
 * (aligned down to 16 bytes) and leaves with exit(2), passing fn's return
 * value; it never returns through the caller's frame. The parent gets the
 * raw clone(2) result (the child's tid, or -errno).
 */
long rt_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, unsigned long tls,
              int (*fn)(void *), void *arg);

#endif
