/*
 * wait4(2) and waitid(2) options and waitid id types shared by the kernel and
 * libc. Values are Linux x86-64's (shared/DESIGN.md decision 3); tests/abi
 * checks them against linux-libc-dev. The status-decoding macros
 * (WIFEXITED and friends) belong to libc.
 */
#ifndef CAIRN_UAPI_WAIT_H
#define CAIRN_UAPI_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED /* waitid(2) spelling */
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000 /* leave the child waitable */
#define __WNOTHREAD	0x20000000 /* only children of this thread */
#define __WALL		0x40000000 /* clone children and others alike */
#define __WCLONE	0x80000000 /* only children that do not signal SIGCHLD */

/* waitid(2) idtype. */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define P_PIDFD		3

#endif
