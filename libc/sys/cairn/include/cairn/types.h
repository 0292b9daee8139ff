/*
 * Widths of the system types that cross into the kernel, Linux x86-64's,
 * where newlib's defaults are narrower (a 16-bit ino_t or uid_t loses
 * information). newlib's <machine/_types.h> includes this file after
 * <machine/_default_types.h>; each __machine_*_defined macro turns off
 * newlib's default in <sys/_types.h> (libc/patches/0003-headers-linux-abi.patch).
 */
#ifndef _CAIRN_TYPES_H
#define _CAIRN_TYPES_H

#define __machine_dev_t_defined
typedef __uint64_t __dev_t;

#define __machine_ino_t_defined
typedef __uint64_t __ino_t;

#define __machine_nlink_t_defined
typedef __uint64_t __nlink_t;

#define __machine_uid_t_defined
typedef __uint32_t __uid_t;

#define __machine_gid_t_defined
typedef __uint32_t __gid_t;

#define __machine_clockid_t_defined
#define _CLOCKID_T_ int

#define __machine_sa_family_t_defined
typedef __uint16_t __sa_family_t;

#endif
