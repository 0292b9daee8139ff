/*
 * Terminal and generic file ioctl(2) requests and struct winsize, with Linux
 * x86-64's values and layout (shared/DESIGN.md decision 3); tests/abi checks
 * them against linux-libc-dev. Most tty requests are plain numbers 0x54xx
 * ('T'); the newer ones are _IOR/_IOW encodings, written out here.
 */
#ifndef CAIRN_UAPI_IOCTL_H
#define CAIRN_UAPI_IOCTL_H

#define TCGETS		0x5401 /* struct termios * */
#define TCSETS		0x5402
#define TCSETSW		0x5403 /* after output drains */
#define TCSETSF		0x5404 /* after output drains, discarding input */
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCEXCL	0x540C
#define TIOCNXCL	0x540D
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F /* int * */
#define TIOCSPGRP	0x5410 /* const int * */
#define TIOCOUTQ	0x5411
#define TIOCSTI		0x5412
#define TIOCGWINSZ	0x5413 /* struct winsize * */
#define TIOCSWINSZ	0x5414 /* const struct winsize * */
#define FIONREAD	0x541B /* int * */
#define TIOCINQ		FIONREAD
#define TIOCPKT		0x5420
#define FIONBIO		0x5421 /* const int * */
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGPTN	0x80045430 /* _IOR('T', 0x30, unsigned int) */
#define TIOCSPTLCK	0x40045431 /* _IOW('T', 0x31, int) */
#define TIOCGPTPEER	0x5441	   /* _IO('T', 0x41) */
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif
