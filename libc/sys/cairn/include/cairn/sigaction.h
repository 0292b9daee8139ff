/*
 * Signal actions with Linux's values: struct sigaction, SA_* flags,
 * SIG_BLOCK/SIG_UNBLOCK/SIG_SETMASK, siginfo_t (Linux's 128-byte layout) and
 * its si_code values. newlib's <sys/signal.h> includes this file in place of
 * its own definitions (libc/patches/0010-headers-posix-cairn.patch).
 *
 * sigset_t stays newlib's unsigned long: 64 bits, exactly the kernel's
 * sigset, so signal n is bit n - 1 and the set is passed to rt_sigprocmask(2)
 * and friends as it is. struct sigaction is the C library's own; sigaction()
 * converts it to the kernel's (libc/sys/cairn/internal/ksigaction.h).
 * Every flag and code is spelled as in kernel/include/uapi/signal.h, which
 * internal/abi_check_uapi.c includes after this file.
 */
#ifndef _CAIRN_SIGACTION_H
#define _CAIRN_SIGACTION_H

typedef void (*_sig_func_ptr)(int);

union sigval {
	int sival_int;
	void *sival_ptr;
};

#define SIGEV_SIGNAL 0
#define SIGEV_NONE   1
#define SIGEV_THREAD 2

struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	void (*sigev_notify_function)(union sigval);
	void *sigev_notify_attributes;
	char __sigev_pad[64 - 32];
};

/* What the kernel tells a SA_SIGINFO handler, sigwaitinfo() and waitid(). */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int __si_pad;
	union {
		char __si_fields[128 - 16];
		struct {
			int __si_pid;
			__uint32_t __si_uid;
			union {
				int __si_status;
				union sigval __si_value;
			} __u;
			long __si_utime;
			long __si_stime;
		} __proc;
		struct {
			void *__si_addr;
			short __si_addr_lsb;
		} __fault;
		struct {
			long __si_band;
			int __si_fd;
		} __poll;
	} __si;
} siginfo_t;

#define si_pid    __si.__proc.__si_pid
#define si_uid    __si.__proc.__si_uid
#define si_status __si.__proc.__u.__si_status
#define si_value  __si.__proc.__u.__si_value
#define si_utime  __si.__proc.__si_utime
#define si_stime  __si.__proc.__si_stime
#define si_addr   __si.__fault.__si_addr
#define si_band   __si.__poll.__si_band
#define si_fd     __si.__poll.__si_fd

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_ONSTACK   0x08000000
#define SA_RESTORER  0x04000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* sigprocmask()'s how. */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

struct sigaction {
	union {
		_sig_func_ptr __sa_handler;
		void (*__sa_sigaction)(int, siginfo_t *, void *);
	} __sa_u;
	__sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler   __sa_u.__sa_handler
#define sa_sigaction __sa_u.__sa_sigaction

/* si_code values for any signal. */
#define SI_USER    0
#define SI_KERNEL  0x80
#define SI_QUEUE   -1
#define SI_TIMER   -2
#define SI_MESGQ   -3
#define SI_ASYNCIO -4
#define SI_SIGIO   -5
#define SI_TKILL   -6

#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8

#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8

#define SEGV_MAPERR 1
#define SEGV_ACCERR 2

#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3

#define TRAP_BRKPT 1
#define TRAP_TRACE 2

#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_TRAPPED   4
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

#endif
