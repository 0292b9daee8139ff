/*
 * Clock ids and TIMER_ABSTIME with the kernel's values, which are Linux's.
 * newlib's <time.h> includes this file in place of its own numbers
 * (libc/patches/0003-headers-linux-abi.patch). Each definition is spelled
 * exactly as in kernel/include/uapi/time.h: libc/sys/cairn/internal/
 * abi_check_uapi.c includes both, so a difference fails the build.
 */
#ifndef _CAIRN_CLOCKID_H
#define _CAIRN_CLOCKID_H

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7
#define CLOCK_REALTIME_ALARM     8
#define CLOCK_BOOTTIME_ALARM     9
#define CLOCK_TAI                11

#define TIMER_ABSTIME 0x01

#endif
