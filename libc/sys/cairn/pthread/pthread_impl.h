/*
 * POSIX threads on clone(2) and futex(2): what the files in this directory
 * share. The layers, bottom up:
 *
 *   futex words     __futex_wait/__futex_wake (below), __timedwait (a wait
 *                   until an absolute deadline on a given clock), __lock
 *                   (a three-state futex lock, Drepper's "mutex 2")
 *   threads         struct __pthread, the descriptor at the thread pointer
 *                   (%fs), with the static TLS block just below it (x86-64
 *                   TLS variant II) and the stack below that, all in one
 *                   mapping; __pthread_init_main sets up the main thread's
 *   objects         mutexes, condition variables, rwlocks, barriers, keys,
 *                   once, semaphores: each over futex words, the compound
 *                   ones over a mutex and condition variables
 *   newlib          __getreent (the thread's struct _reent, so errno is per
 *                   thread) and __retarget_lock_* (newlib's locks)
 */
#ifndef _CAIRN_PTHREAD_IMPL_H
#define _CAIRN_PTHREAD_IMPL_H

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <reent.h>
#include <stddef.h>
#include <time.h>

#include "internal/syscall.h"

#define FUTEX_WAIT         0
#define FUTEX_WAKE         1
#define FUTEX_PRIVATE_FLAG 128

/* The detach state of a thread (struct __pthread.detach_state). */
enum { DT_JOINABLE, DT_DETACHED, DT_EXITED };

/*
 * A thread's descriptor. The thread pointer (the FS base) points at it, and
 * its first word points at itself, as the x86-64 TLS ABI requires (GCC reads
 * %fs:0 to find the thread pointer). %fs:0x28 is where Linux toolchains'
 * stack protector keeps its canary, so that offset stays free (unused:
 * x86_64-cairn-gcc reads the global __stack_chk_guard instead).
 */
struct __pthread {
	struct __pthread *self;
	void *reserved[4];
	unsigned long stack_guard; /* %fs:0x28 */
	volatile int tid;          /* cleared and woken by the kernel at exit */
	volatile int detach_state; /* DT_* */
	int is_main;
	void *(*start)(void *);
	void *arg;
	void *result;
	void *map_base;            /* the mapping to unmap when the thread is gone */
	size_t map_size;
	volatile int cancel_requested;
	int cancel_state;
	int cancel_type;
	volatile unsigned *volatile cancel_futex; /* the condvar word it sleeps on */
	struct __pthread_cleanup *cleanup;
	void *specific[PTHREAD_KEYS_MAX];
	unsigned specific_seq[PTHREAD_KEYS_MAX];
	struct _reent *reent;      /* _impure_ptr for the main thread */
	struct _reent reent_storage;
};

/* The calling thread's descriptor. */
static inline struct __pthread *__pthread_self(void)
{
	struct __pthread *self;
	__asm__("movq %%fs:0, %0" : "=r"(self));
	return self;
}

/* The static TLS template (PT_TLS), found by __pthread_init_main. */
struct __tls_template {
	const void *image; /* .tdata's initial contents */
	size_t filesz;     /* bytes of image */
	size_t memsz;      /* the whole block (.tdata + .tbss) */
	size_t offset;     /* the block starts this far below the thread pointer */
	size_t align;      /* the thread pointer's alignment */
};
extern struct __tls_template __tls;

/* Bytes a thread's TLS block and descriptor need, alignment slack included. */
static inline size_t __tls_area_size(void)
{
	return __tls.offset + sizeof(struct __pthread) + __tls.align;
}

/*
 * Lays out a TLS block and a descriptor in `area` (__tls_area_size() bytes,
 * zero-filled): copies the TLS image, points the descriptor at itself, and
 * returns it (the thread pointer).
 */
struct __pthread *__tls_setup(void *area);

/* Sets up the main thread: TLS, descriptor, FS base. Called first thing by
   __libc_start. */
void __pthread_init_main(void);

/* Threads alive in the process; the last one out calls exit(0). */
extern volatile int __pthread_count;

/*
 * The clone(2) trampoline (__pthread_clone.S): starts a thread on `stack`
 * with thread pointer `tls` that calls __pthread_start(t); returns the new
 * thread's id or -errno.
 */
long __pthread_clone(unsigned long flags, void *stack, volatile int *ptid, volatile int *ctid,
		     void *tls, struct __pthread *t);
_Noreturn void __pthread_start(struct __pthread *t);

/* Unmaps [base, base+size) and exits the calling thread, touching no memory
   in between (__pthread_unmap_self.S): how a detached thread frees its own
   stack. */
_Noreturn void __pthread_unmap_self(void *base, size_t size);

/* Runs the thread-specific data destructors (pthread_exit). */
void __pthread_tsd_run_dtors(struct __pthread *self);

/* Acts on a pending cancellation request if cancellation is enabled. */
void __pthread_testcancel(struct __pthread *self);

/* futex(2) on a 32-bit word; private unless `shared`. */
static inline long __futex_wait(volatile void *addr, int val, const struct timespec *rel,
				int shared)
{
	return __syscall4(SYS_futex, (long)addr, FUTEX_WAIT | (shared ? 0 : FUTEX_PRIVATE_FLAG),
			  val, (long)rel);
}

static inline long __futex_wake(volatile void *addr, int n, int shared)
{
	return __syscall3(SYS_futex, (long)addr, FUTEX_WAKE | (shared ? 0 : FUTEX_PRIVATE_FLAG), n);
}

/*
 * Sleeps while the futex word at `addr` holds `val`, until the absolute
 * deadline `abs` on clock `clk` if `abs` is not NULL. Returns 0 when woken,
 * when the word no longer held `val` or spuriously; ETIMEDOUT once the
 * deadline has passed; EINTR when a signal handler ran; EINVAL for a
 * deadline with tv_nsec out of range. The kernel gets a relative timeout
 * computed from clock_gettime(clk), so any clock works.
 */
int __timedwait(volatile void *addr, int val, const struct timespec *abs, clockid_t clk,
		int shared);

/*
 * A futex lock word: 0 free, 1 locked, 2 locked and perhaps waited for.
 * __lock_timed returns 0 or ETIMEDOUT (only with a deadline on CLOCK_REALTIME).
 */
int __lock_timed(volatile int *w, const struct timespec *abs, int shared);
void __unlock(volatile int *w, int shared);

static inline void __lock(volatile int *w)
{
	__lock_timed(w, NULL, 0);
}

static inline int __trylock(volatile int *w)
{
	int c = 0;
	return __atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* pthread_mutex_lock and _timedlock in one (abs NULL: no deadline). */
int __pthread_mutex_lock(pthread_mutex_t *m, const struct timespec *abs);

/* pthread_cond_timedwait, and whether it is a cancellation point. */
int __pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abs,
			     int cancel_point);

/*
 * fork() and its handlers (pthread_atfork.c): __fork_prepare before the
 * system call, then __fork_parent in the parent (also when fork failed) or
 * __fork_child in the child. __fork_lock_libc and __fork_unlock_libc take
 * and release newlib's own locks (__fork_lock_libc.c).
 */
void __fork_prepare(void);
void __fork_parent(void);
void __fork_child(void);
void __fork_lock_libc(void);
void __fork_unlock_libc(void);

#endif
