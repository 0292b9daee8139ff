/*
 * Raw Linux x86-64 system calls for the in-VM test programs (until newlib
 * lands). syscall0..syscall6 issue the `syscall` instruction with the
 * arguments in rdi, rsi, rdx, r10, r8, r9; the sys_* wrappers are one line
 * each and return the kernel's raw result: a value, or -errno on failure.
 * There is no errno variable and no retrying.
 *
 * Numbers come from the header gen_syscalls.py generates into the build
 * directory (syscall_nr.h); constants and structures from the kernel's
 * uapi/ headers, so the tests use exactly what the kernel was built with.
 */
#ifndef CAIRN_TEST_SYS_H
#define CAIRN_TEST_SYS_H

#include <stddef.h>
#include <stdint.h>

#include <syscall_nr.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/futex.h>
#include <uapi/mman.h>
#include <uapi/mount.h>
#include <uapi/prctl.h>
#include <uapi/resource.h>
#include <uapi/sched.h>
#include <uapi/signal.h>
#include <uapi/stat.h>
#include <uapi/sysinfo.h>
#include <uapi/termios.h>
#include <uapi/ioctl.h>
#include <uapi/time.h>
#include <uapi/times.h>
#include <uapi/utsname.h>
#include <uapi/wait.h>

typedef int pid_t;

_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo is 112 bytes on x86-64");

/* wait4(2) status decoding, with Linux's encoding: exit code << 8, or the signal in bits 0..6. */
#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s)    ((s)&0x7f)
#define WSTOPSIG(s)    WEXITSTATUS(s)
#define WCOREDUMP(s)   ((s)&0x80)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)  (((s)&0xff) == 0x7f)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)

#define PAGE_SIZE 4096UL

static inline long syscall0(long n)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall1(long n, long a1)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1) : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall2(long n, long a1, long a2)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2) : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall3(long n, long a1, long a2, long a3)
{
	long ret;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a1), "S"(a2), "d"(a3)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall4(long n, long a1, long a2, long a3, long a4)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	__asm__ volatile("syscall"
	                 : "=a"(ret)
	                 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
	                 : "rcx", "r11", "memory");
	return ret;
}

#define L(x) ((long)(x))

static inline long sys_read(int fd, void *buf, size_t n)
{
	return syscall3(SYS_read, fd, L(buf), L(n));
}

static inline long sys_write(int fd, const void *buf, size_t n)
{
	return syscall3(SYS_write, fd, L(buf), L(n));
}

static inline long sys_open(const char *path, int flags, unsigned int mode)
{
	return syscall3(SYS_open, L(path), flags, mode);
}

static inline long sys_close(int fd)
{
	return syscall1(SYS_close, fd);
}

static inline long sys_lseek(int fd, long off, int whence)
{
	return syscall3(SYS_lseek, fd, off, whence);
}

static inline long sys_pipe2(int fds[2], int flags)
{
	return syscall2(SYS_pipe2, L(fds), flags);
}

static inline long sys_dup2(int oldfd, int newfd)
{
	return syscall2(SYS_dup2, oldfd, newfd);
}

/* fork(2) returns twice; a plain inline function is fine because the child gets a copy of the
 * stack. */
static inline long sys_fork(void)
{
	return syscall0(SYS_fork);
}

/*
 * vfork(2) cannot be inline C (the child would clobber the parent's frame): see
 * rt/clone.S. returns_twice keeps GCC from caching values across it, as for setjmp.
 */
long sys_vfork(void) __attribute__((returns_twice));

static inline long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall3(SYS_execve, L(path), L(argv), L(envp));
}

static inline __attribute__((noreturn)) void sys_exit(int code)
{
	for (;;)
		syscall1(SYS_exit, code);
}

static inline __attribute__((noreturn)) void sys_exit_group(int code)
{
	for (;;)
		syscall1(SYS_exit_group, code);
}

static inline long sys_wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return syscall4(SYS_wait4, pid, L(status), options, L(ru));
}

static inline long sys_getpid(void)
{
	return syscall0(SYS_getpid);
}

static inline long sys_getppid(void)
{
	return syscall0(SYS_getppid);
}

static inline long sys_gettid(void)
{
	return syscall0(SYS_gettid);
}

static inline long sys_kill(pid_t pid, int sig)
{
	return syscall2(SYS_kill, pid, sig);
}

static inline long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	return syscall6(SYS_mmap, L(addr), L(len), prot, flags, fd, off);
}

static inline long sys_munmap(void *addr, size_t len)
{
	return syscall2(SYS_munmap, L(addr), L(len));
}

static inline long sys_mprotect(void *addr, size_t len, int prot)
{
	return syscall3(SYS_mprotect, L(addr), L(len), prot);
}

/* The raw brk(2): returns the new break, or the old one when the request is refused. */
static inline long sys_brk(unsigned long brk)
{
	return syscall1(SYS_brk, L(brk));
}

/*
 * The raw clone(2), x86-64 argument order (flags, newsp, parent_tid,
 * child_tid, tls). With a new stack the child must not return from here;
 * use rt_clone() in rt/clone.S to run a function on a new stack.
 */
static inline long sys_clone(unsigned long flags, void *newsp, int *ptid, int *ctid,
                             unsigned long tls)
{
	return syscall5(SYS_clone, L(flags), L(newsp), L(ptid), L(ctid), L(tls));
}

static inline long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *timeout,
                             uint32_t *uaddr2, uint32_t val3)
{
	return syscall6(SYS_futex, L(uaddr), op, val, L(timeout), L(uaddr2), val3);
}

static inline long sys_arch_prctl(int code, unsigned long addr)
{
	return syscall2(SYS_arch_prctl, code, L(addr));
}

static inline long sys_set_tid_address(int *tidptr)
{
	return syscall1(SYS_set_tid_address, L(tidptr));
}

static inline long sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall2(SYS_nanosleep, L(req), L(rem));
}

static inline long sys_clock_gettime(int clock, struct timespec *tp)
{
	return syscall2(SYS_clock_gettime, clock, L(tp));
}

static inline long sys_clock_getres(int clock, struct timespec *tp)
{
	return syscall2(SYS_clock_getres, clock, L(tp));
}

static inline long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return syscall2(SYS_gettimeofday, L(tv), L(tz));
}

static inline long sys_time(int64_t *tloc)
{
	return syscall1(SYS_time, L(tloc));
}

static inline long sys_uname(struct utsname *buf)
{
	return syscall1(SYS_uname, L(buf));
}

static inline long sys_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	return syscall2(SYS_getrlimit, resource, L(rlim));
}

static inline long sys_setrlimit(unsigned int resource, const struct rlimit *rlim)
{
	return syscall2(SYS_setrlimit, resource, L(rlim));
}

static inline long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit *new_rlim,
                                 struct rlimit *old_rlim)
{
	return syscall4(SYS_prlimit64, pid, resource, L(new_rlim), L(old_rlim));
}

static inline long sys_getrusage(int who, struct rusage *ru)
{
	return syscall2(SYS_getrusage, who, L(ru));
}

static inline long sys_times(struct tms *buf)
{
	return syscall1(SYS_times, L(buf));
}

static inline long sys_getrandom(void *buf, size_t n, unsigned int flags)
{
	return syscall3(SYS_getrandom, L(buf), L(n), flags);
}

static inline long sys_sched_yield(void)
{
	return syscall0(SYS_sched_yield);
}

static inline long sys_sysinfo(struct sysinfo *info)
{
	return syscall1(SYS_sysinfo, L(info));
}

static inline long sys_rt_sigaction(int sig, const struct k_sigaction *act,
                                    struct k_sigaction *oact)
{
	return syscall4(SYS_rt_sigaction, sig, L(act), L(oact), sizeof(uint64_t));
}

#undef L

#endif
