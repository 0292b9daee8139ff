/*
 * <sys/sysmacros.h>: newlib has none. Device numbers in Linux's encoding
 * (dev_t of 64 bits: minor in bits 0-7 and 20-39, major in bits 8-19 and
 * 40-63), the same the kernel puts in struct stat.
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#define major(dev) ((unsigned int)((((dev) >> 32) & 0xfffff000u) | (((dev) >> 8) & 0xfffu)))
#define minor(dev) ((unsigned int)((((dev) >> 12) & 0xffffff00u) | ((dev) & 0xffu)))
#define makedev(ma, mi)                                                                  \
	((((unsigned long long)(ma) & 0xfffff000ull) << 32) |                            \
	 (((unsigned long long)(ma) & 0xfffull) << 8) |                                  \
	 (((unsigned long long)(mi) & 0xffffff00ull) << 12) | ((unsigned long long)(mi) & 0xffull))

#endif
