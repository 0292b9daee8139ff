/*
 * Pseudo-terminals (tty/pty.c) and their filesystem (tty/devpts.c). A pty is
 * two ttys: the slave, a terminal with the full line discipline at
 * /dev/pts/N (136,N), and the master behind /dev/ptmx (5,2), a raw tty
 * whose input queue holds what the slave writes.
 */
#ifndef CAIRN_TTY_PTY_H
#define CAIRN_TTY_PTY_H

#include <types.h>

/* At most this many ptys exist at once (/dev/pts/0 .. /dev/pts/63). */
#define PTY_MAX 64

/*
 * devpts: the one instance mounted at /dev/pts (fs type "devpts").
 * devpts_add() makes the node N (S_IFCHR 0620, rdev 136,N) owned by uid,
 * gid; 0 or -Exxx. devpts_remove() takes it away again.
 */
void devpts_register(void);
int devpts_add(int index, uint32_t uid, uint32_t gid);
void devpts_remove(int index);

#endif
