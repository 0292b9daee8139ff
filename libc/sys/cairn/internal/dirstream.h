/*
 * A directory stream (DIR): the descriptor, a buffer that getdents64(2)
 * fills with struct dirent records (the kernel's struct dirent64 layout,
 * <cairn/dirent.h>), and where readdir() is in it.
 *
 * A position for telldir()/seekdir() is the d_off of the last entry read,
 * the kernel's opaque cookie for "after this entry", or 0 at the start:
 * seekdir() lseek(2)s the descriptor there and empties the buffer.
 *
 * A stream is used by one thread at a time; readdir_r() is reentrant
 * because it copies the entry out.
 */
#ifndef _CAIRN_INTERNAL_DIRSTREAM_H
#define _CAIRN_INTERNAL_DIRSTREAM_H

#include <dirent.h>
#include <sys/types.h>

#define __DIRBUF_SIZE 4096

struct __dirstream {
	int fd;
	size_t pos; /* next record in buf */
	size_t end; /* bytes getdents64 put in buf */
	off_t tell; /* position after the last entry returned */
	char buf[__DIRBUF_SIZE] __attribute__((aligned(8)));
};

#endif
