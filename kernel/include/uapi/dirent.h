/*
 * The directory entry getdents64(2) writes, Linux's struct linux_dirent64, and
 * the d_type values (shared/DESIGN.md decision 3). Linux does not export the
 * structure in its uapi headers; tests/abi checks it against glibc's struct
 * dirent64, which is the same record.
 */
#ifndef CAIRN_UAPI_DIRENT_H
#define CAIRN_UAPI_DIRENT_H

#include <stdint.h>

/*
 * Records are packed back to back in the caller's buffer; d_reclen is the
 * whole record's size, rounded up to a multiple of 8. d_name is NUL-terminated
 * and starts at offset 19.
 */
struct dirent64 {
	uint64_t d_ino;
	int64_t d_off; /* opaque position of the next entry, for lseek(2) */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

#endif
