/*
 * Signal numbers with the kernel's values, which are Linux's. newlib's
 * <sys/signal.h> includes this file in place of its BSD numbering
 * (libc/patches/0003-headers-linux-abi.patch). Each number is spelled exactly
 * as in kernel/include/uapi/signal.h: libc/sys/cairn/internal/
 * abi_check_uapi.c includes both, so a difference fails the build.
 * The rest of the signal interface is <cairn/sigaction.h>.
 */
#ifndef _CAIRN_SIGNUM_H
#define _CAIRN_SIGNUM_H

#define SIGHUP    1
#define SIGINT    2
#define SIGQUIT   3
#define SIGILL    4
#define SIGTRAP   5
#define SIGABRT   6
#define SIGIOT    6
#define SIGBUS    7
#define SIGFPE    8
#define SIGKILL   9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCLD    SIGCHLD /* System V name */
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31

/* Real-time signals 32..64; NSIG is one more than the largest number. */
#define SIGRTMIN 32
#define SIGRTMAX 64
#define NSIG     65

#endif
