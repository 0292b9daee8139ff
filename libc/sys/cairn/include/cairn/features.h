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
 * The reentrant _r functions (getpwnam_r, getlogin_r, readdir_r, ...) are
 * provided; newlib declares some of them only under this option.
 */
#define _POSIX_THREAD_SAFE_FUNCTIONS 200809L

#endif
