/*
 * <pty.h>: pseudo-terminal pairs, as in glibc and musl (libc/sys/cairn/pty/).
 * The POSIX functions (posix_openpt, grantpt, unlockpt, ptsname) are in
 * <stdlib.h>. login_tty is here too (glibc and musl declare it in <utmp.h>,
 * which newlib's Cairn build cannot offer yet).
 */
#ifndef _PTY_H
#define _PTY_H

#include <sys/cdefs.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <termios.h>

__BEGIN_DECLS
int openpty(int *amaster, int *aslave, char *name, const struct termios *termp,
	    const struct winsize *winp);
pid_t forkpty(int *amaster, char *name, const struct termios *termp, const struct winsize *winp);
int login_tty(int fd);
__END_DECLS

#endif
