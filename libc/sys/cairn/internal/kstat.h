/*
 * The kernel's struct stat (kernel/include/uapi/stat.h, Linux x86-64's
 * 144-byte layout) under a name of its own: the glue needs it next to
 * newlib's struct stat, whose tag and field order differ, so the uapi header
 * itself cannot be included there. internal/abi_check_uapi.c compares this
 * copy with the uapi header field by field at build time.
 */
#ifndef _CAIRN_INTERNAL_KSTAT_H
#define _CAIRN_INTERNAL_KSTAT_H

#include <stdint.h>

struct __kernel_timespec {
	int64_t tv_sec;
	long tv_nsec;
};

struct __kernel_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	struct __kernel_timespec st_atim;
	struct __kernel_timespec st_mtim;
	struct __kernel_timespec st_ctim;
	int64_t __st_reserved[3];
};

struct stat;

/* Fills newlib's *st from the kernel's *k, field by field. */
void __stat_from_kernel(struct stat *st, const struct __kernel_stat *k);

#endif
