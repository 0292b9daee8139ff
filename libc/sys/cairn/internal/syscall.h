/*
 * System calls from C: the Linux x86-64 convention Cairn's kernel uses
 * (shared/DESIGN.md decision 3). The number goes in rax and up to six
 * arguments in rdi, rsi, rdx, r10, r8 and r9; `syscall` clobbers rcx and r11
 * and returns a value or -errno in rax.
 *
 * __syscallN() returns the kernel's raw result. A wrapper that follows the C
 * library's convention passes it through __syscall_ret(), the one place that
 * turns -Exxx into errno = Exxx and -1 (as musl does).
 *
 * The SYS_* numbers come from syscall_nr.h, which libc/build.sh generates
 * from kernel/syscall/syscalls.tbl with gen_syscalls.py --user-header.
 */
#ifndef _CAIRN_INTERNAL_SYSCALL_H
#define _CAIRN_INTERNAL_SYSCALL_H

#include "syscall_nr.h"

long __syscall_ret(unsigned long r);

static inline long __syscall0(long n)
{
	unsigned long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall1(long n, long a)
{
	unsigned long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall2(long n, long a, long b)
{
	unsigned long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	unsigned long ret;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c)
	                 : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	unsigned long ret;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
	                 : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	unsigned long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
	                 : "rcx", "r11", "memory");
	return (long)ret;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	unsigned long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
	                 : "rcx", "r11", "memory");
	return (long)ret;
}

#endif
