/*
 * <dirent.h> for Cairn: directory streams over getdents64(2). newlib's
 * <sys/dirent.h> includes this file in place of its #error stub
 * (libc/patches/0010-headers-posix-cairn.patch).
 *
 * struct dirent has the kernel's struct dirent64 layout (d_ino, d_off,
 * d_reclen, d_type, d_name), so readdir() returns a pointer into the buffer
 * the kernel filled; d_name has room for NAME_MAX bytes and the NUL for
 * readdir_r() callers.
 */
#ifndef _CAIRN_DIRENT_H
#define _CAIRN_DIRENT_H

#include <sys/cdefs.h>
#include <sys/types.h>

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12
#define DT_WHT     14

#define _DIRENT_HAVE_D_RECLEN
#define _DIRENT_HAVE_D_OFF
#define _DIRENT_HAVE_D_TYPE

/* A directory stream; its fields are the C library's business. */
typedef struct __dirstream DIR;

/* The functions are declared by newlib's <dirent.h>. */

#endif
