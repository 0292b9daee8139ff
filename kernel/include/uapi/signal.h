/*
 * Signals as the kernel ABI sees them: numbers, rt_sigaction(2)'s structure,
 * the siginfo the kernel delivers, and their flags. Numbers and layouts are
 * Linux x86-64's (shared/DESIGN.md decision 3); tests/abi checks them against
 * linux-libc-dev. libc builds its own sigaction and sigset_t on these.
 */
#ifndef CAIRN_UAPI_SIGNAL_H
#define CAIRN_UAPI_SIGNAL_H

#include <stdint.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGIOT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPOLL		SIGIO
#define SIGPWR		30
#define SIGSYS		31
#define SIGUNUSED	31

/*
 * Valid signals are 1.._NSIG; the kernel's signal set is _NSIG bits, one
 * 64-bit word, bit (sig - 1) for signal sig. This is the Linux kernel's
 * meaning of _NSIG (64); glibc's _NSIG is one more (65). An array indexed by
 * signal number needs _NSIG + 1 entries.
 */
#define SIGRTMIN	32
#define SIGRTMAX	_NSIG
#define _NSIG		64

/* Handler values for k_sigaction.sa_handler. */
#define SIG_DFL		0
#define SIG_IGN		1
#define SIG_ERR		(-1)

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_ONSTACK	0x08000000
#define SA_RESTORER	0x04000000 /* sa_restorer is valid; libc always sets it */
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000
#define SA_NOMASK	SA_NODEFER
#define SA_ONESHOT	SA_RESETHAND

/* rt_sigprocmask(2) how. */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* sigaltstack(2). */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

/*
 * rt_sigaction(2)'s structure: Linux's kernel struct sigaction on x86-64
 * (32 bytes). sa_mask comes last, and its size is rt_sigaction's sigsetsize
 * argument (8).
 */
struct k_sigaction {
	void *sa_handler; /* or void (*)(int, struct siginfo *, void *) with SA_SIGINFO */
	unsigned long sa_flags;
	void *sa_restorer; /* calls rt_sigreturn(2) */
	uint64_t sa_mask;
};

union k_sigval {
	int sival_int;
	void *sival_ptr;
};

/*
 * The siginfo the kernel delivers: 128 bytes. The union starts at offset 16
 * because it holds pointers; Linux's header leaves that 4-byte hole implicit.
 * Which members are meaningful depends on the signal and si_code; members of
 * different groups overlap at the same offsets, as in Linux.
 */
struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __si_pad;
	__extension__ union { /* anonymous members are C11; __extension__ keeps -std=c99 quiet */
		char __si_fields[128 - 16];
		/* kill(2), rt signals, SIGCHLD; timers share the first words. */
		__extension__ struct {
			int si_pid;
			uint32_t si_uid;
			__extension__ union {
				int si_status; /* SIGCHLD: exit code or signal */
				union k_sigval si_value; /* rt signals, timers */
			};
			long si_utime; /* SIGCHLD, in clock ticks */
			long si_stime;
		};
		/* POSIX timers: si_timerid and si_overrun overlay si_pid and si_uid. */
		__extension__ struct {
			int si_timerid;
			int si_overrun;
		};
		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP. */
		__extension__ struct {
			void *si_addr;
			short si_addr_lsb;
		};
		/* SIGPOLL. */
		__extension__ struct {
			long si_band;
			int si_fd;
		};
		/* SIGSYS from seccomp. */
		__extension__ struct {
			void *si_call_addr;
			int si_syscall;
			unsigned int si_arch;
		};
	};
};

/* si_code values for any signal. */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TIMER	-2
#define SI_MESGQ	-3
#define SI_ASYNCIO	-4
#define SI_SIGIO	-5
#define SI_TKILL	-6

/* si_code for SIGILL. */
#define ILL_ILLOPC	1
#define ILL_ILLOPN	2
#define ILL_ILLADR	3
#define ILL_ILLTRP	4
#define ILL_PRVOPC	5
#define ILL_PRVREG	6
#define ILL_COPROC	7
#define ILL_BADSTK	8

/* si_code for SIGFPE. */
#define FPE_INTDIV	1
#define FPE_INTOVF	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8

/* si_code for SIGSEGV. */
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2

/* si_code for SIGBUS. */
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define BUS_OBJERR	3

/* si_code for SIGTRAP. */
#define TRAP_BRKPT	1
#define TRAP_TRACE	2

/* si_code for SIGCHLD. */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* timer_create(2)'s notification: struct k_sigevent (64 bytes) and sigev_notify. */
#define SIGEV_SIGNAL	0
#define SIGEV_NONE	1
#define SIGEV_THREAD	2
#define SIGEV_THREAD_ID	4

struct k_sigevent {
	union k_sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int _pad[12];
		int _tid; /* SIGEV_THREAD_ID */
	} _sigev_un;
};

#endif
