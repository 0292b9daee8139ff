/*
 * <termios.h> (newlib's includes this file): terminal attributes with the
 * kernel's struct termios (kernel/include/uapi/termios.h, Linux's 36-byte
 * layout read and written by the TCGETS/TCSETS ioctls) and the functions
 * over it (libc/sys/cairn/termios/).
 */
#ifndef _SYS_TERMIOS_H
#define _SYS_TERMIOS_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <uapi/termios.h>

typedef __uint8_t cc_t;
typedef __uint32_t speed_t;
typedef __uint32_t tcflag_t;

/* tcsetattr()'s when. */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

/* tcflush()'s queue. */
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

/* tcflow()'s action. */
#define TCOOFF 0
#define TCOON  1
#define TCIOFF 2
#define TCION  3

__BEGIN_DECLS
int tcgetattr(int, struct termios *);
int tcsetattr(int, int, const struct termios *);
void cfmakeraw(struct termios *);
speed_t cfgetispeed(const struct termios *);
speed_t cfgetospeed(const struct termios *);
int cfsetispeed(struct termios *, speed_t);
int cfsetospeed(struct termios *, speed_t);
int cfsetspeed(struct termios *, speed_t);
int tcdrain(int);
int tcflow(int, int);
int tcflush(int, int);
int tcsendbreak(int, int);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);
pid_t tcgetsid(int);
__END_DECLS

#endif
