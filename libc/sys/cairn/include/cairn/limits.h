/*
 * Limits for <limits.h>: the ones the kernel enforces, which are Linux's
 * (kernel/include/uapi/limits.h), in place of newlib's BSD values (PATH_MAX
 * 1024, ARG_MAX 65536, ...). newlib's <sys/syslimits.h> includes this file
 * (libc/patches/0003-headers-linux-abi.patch). As in glibc, CHILD_MAX and
 * OPEN_MAX are left undefined: they are run-time values, sysconf()'s.
 */
#ifndef _CAIRN_LIMITS_H
#define _CAIRN_LIMITS_H

#include <uapi/limits.h>

#define IOV_MAX 1024 /* readv(2) and writev(2), Linux's UIO_MAXIOV */

#endif
