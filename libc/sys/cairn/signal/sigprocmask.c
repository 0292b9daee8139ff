/*
 * sigprocmask: rt_sigprocmask(2). how is SIG_BLOCK, SIG_UNBLOCK or
 * SIG_SETMASK; set may be NULL to only read the mask into old. The kernel
 * never blocks SIGKILL or SIGSTOP.
 */
#include <signal.h>

#include "internal/syscall.h"

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_rt_sigprocmask, how, (long)set, (long)old, sizeof(sigset_t)));
}
