/*
 * pthread_sigmask: the calling thread's signal mask (rt_sigprocmask(2)
 * acts on the calling thread). `how` is translated by name to Linux's
 * values, so this does not depend on the numbers <signal.h> gives SIG_BLOCK
 * and friends. Returns an error number, not -1.
 */
#include <errno.h>
#include <signal.h>

#include "internal/syscall.h"

#define LINUX_SIG_BLOCK   0
#define LINUX_SIG_UNBLOCK 1
#define LINUX_SIG_SETMASK 2
#define LINUX_SIGSET_SIZE 8

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	unsigned long kset = 0, kold = 0;
	int khow;
	long r;

	switch (how) {
	case SIG_BLOCK:
		khow = LINUX_SIG_BLOCK;
		break;
	case SIG_UNBLOCK:
		khow = LINUX_SIG_UNBLOCK;
		break;
	case SIG_SETMASK:
		khow = LINUX_SIG_SETMASK;
		break;
	default:
		if (set)
			return EINVAL;
		khow = LINUX_SIG_BLOCK;
	}
	if (set)
		__builtin_memcpy(&kset, set, sizeof(kset) < sizeof(*set) ? sizeof(kset) : sizeof(*set));
	r = __syscall4(SYS_rt_sigprocmask, khow, set ? (long)&kset : 0, old ? (long)&kold : 0,
		       LINUX_SIGSET_SIZE);
	if (r < 0)
		return (int)-r;
	if (old) {
		__builtin_memset(old, 0, sizeof(*old));
		__builtin_memcpy(old, &kold, sizeof(kold) < sizeof(*old) ? sizeof(kold) : sizeof(*old));
	}
	return 0;
}
