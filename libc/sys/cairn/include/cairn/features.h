/*
 * The POSIX options Cairn's C library announces, included by newlib's
 * <sys/features.h> (libc/patches/0003-headers-linux-abi.patch).
 */
#ifndef _CAIRN_FEATURES_H
#define _CAIRN_FEATURES_H

/*
 * newlib's <time.h> declares clock_gettime(), clock_getres() and nanosleep()
 * only under _POSIX_TIMERS, so it is set although the timer_*() functions of
 * that option are declared but not provided yet (FIXME: docs/libc.md lists
 * them as missing; the kernel has no POSIX timers either).
 */
#define _POSIX_TIMERS          200809L
#define _POSIX_MONOTONIC_CLOCK 200809L

/*
 * Threads (libc/sys/cairn/pthread/); the reentrant _r functions
 * (getpwnam_r, getlogin_r, readdir_r, ...), which newlib declares some of
 * only under _POSIX_THREAD_SAFE_FUNCTIONS. _POSIX_THREADS also makes newlib's
 * stdio disable cancellation inside its critical sections
 * (pthread_setcancelstate) and declares sched_yield().
 */
#define _POSIX_THREADS                 200809L
#define _POSIX_THREAD_SAFE_FUNCTIONS   200809L
#define _POSIX_THREAD_ATTR_STACKSIZE   200809L
#define _POSIX_THREAD_ATTR_STACKADDR   200809L
#define _POSIX_READER_WRITER_LOCKS     200809L
#define _POSIX_SPIN_LOCKS              200809L
#define _POSIX_BARRIERS                200809L
#define _POSIX_TIMEOUTS                200809L
#define _POSIX_CLOCK_SELECTION         200809L
#define _POSIX_SEMAPHORES              200809L
#define _UNIX98_THREAD_MUTEX_ATTRIBUTES 1

#endif
