/*
 * Sizes and offsets of the structures the glue passes between newlib's types
 * and the kernel's without converting them. internal/abi_check_uapi.c checks
 * the kernel's headers against these numbers and internal/abi_check_libc.c
 * checks newlib's (as Cairn configures it), so both sides agree; neither file
 * is part of the library, libc/build.sh only compiles them.
 */
#ifndef _CAIRN_INTERNAL_ABI_LAYOUT_H
#define _CAIRN_INTERNAL_ABI_LAYOUT_H

#define __ABI_TIMESPEC_SIZE 16 /* nanosleep, clock_gettime, clock_getres */
#define __ABI_TIMESPEC_NSEC 8
#define __ABI_TIMEVAL_SIZE  16 /* gettimeofday */
#define __ABI_TIMEVAL_USEC  8
#define __ABI_TMS_SIZE      32  /* times */
#define __ABI_UTSNAME_SIZE  390 /* uname: six fields of 65 bytes */

#endif
