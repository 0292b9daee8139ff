/*
 * <fcntl.h> for Cairn: open(2) flags, fcntl(2) commands and struct flock with
 * Linux's values and layout, so that the library passes them to the kernel
 * unchanged. newlib's <sys/fcntl.h> includes this file in place of its
 * <sys/_default_fcntl.h> (libc/patches/0003-headers-linux-abi.patch).
 */
#ifndef _CAIRN_FCNTL_H
#define _CAIRN_FCNTL_H

#include <_ansi.h>
#include <sys/cdefs.h>
#include <sys/types.h>
#include <uapi/fcntl.h>

/* POSIX names Linux spells differently. */
#define O_EXEC   O_PATH
#define O_SEARCH O_PATH
#define O_RSYNC  O_SYNC

#if __MISC_VISIBLE
/* The old BSD names for the F_SETFL flags. */
#define FAPPEND   O_APPEND
#define FNONBLOCK O_NONBLOCK
#define FNDELAY   O_NDELAY
#endif

/*
 * struct flock (F_GETLK, F_SETLK and F_SETLKW's argument) comes from
 * <uapi/fcntl.h>: its long and int members are off_t and pid_t here.
 */

#include <sys/stat.h> /* the mode bits for open() and creat() */

__BEGIN_DECLS
int open(const char *, int, ...);
#if __ATFILE_VISIBLE
int openat(int, const char *, int, ...);
#endif
int creat(const char *, mode_t);
int fcntl(int, int, ...);
#if __BSD_VISIBLE
int flock(int, int);
#endif

#ifdef _COMPILING_NEWLIB
int _open(const char *, int, ...);
int _fcntl(int, int, ...);
#endif
__END_DECLS

#endif
