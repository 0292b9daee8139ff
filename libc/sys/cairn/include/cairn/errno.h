/*
 * errno values for Cairn's C library: the kernel's, which are Linux's
 * (shared/DESIGN.md decision 3), taken from the kernel's own header so the two
 * cannot disagree. newlib's <sys/errno.h> includes this file in place of its
 * own numbers (libc/patches/0003-headers-linux-abi.patch).
 */
#ifndef _CAIRN_ERRNO_H
#define _CAIRN_ERRNO_H

#include <uapi/errno.h>

/*
 * newlib's hash database (libc/search) reports a file that is not one as
 * EFTYPE, a BSD number Linux does not have; it becomes EINVAL, which is what
 * a Linux libc's dbopen() reports there.
 */
#define EFTYPE EINVAL

#if __GNU_VISIBLE
/* argv[0] and its last component, as glibc names them (set before main). */
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif

#endif
