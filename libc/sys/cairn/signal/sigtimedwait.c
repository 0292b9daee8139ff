/*
 * sigtimedwait: takes one pending signal of set, waiting up to timeout (NULL:
 * forever); returns its number, or -1 with EAGAIN on timeout.
 */
#include <signal.h>

#include "internal/syscall.h"

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout)
{
	return (int)__syscall_ret(__syscall4(SYS_rt_sigtimedwait, (long)set, (long)info,
	                                     (long)timeout, (long)sizeof(sigset_t)));
}
