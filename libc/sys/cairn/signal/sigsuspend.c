/*
 * sigsuspend: waits for a signal with mask as the signal mask; always -1, EINTR
 * after a handler ran.
 */
#include <signal.h>

#include "internal/syscall.h"

int sigsuspend(const sigset_t *mask)
{
	return (int)__syscall_ret(
	    __syscall2(SYS_rt_sigsuspend, (long)mask, (long)sizeof(sigset_t)));
}
