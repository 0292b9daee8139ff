/* sigpending: the blocked signals that are pending. */
#include <signal.h>

#include "internal/syscall.h"

int sigpending(sigset_t *set)
{
	return (int)__syscall_ret(__syscall2(SYS_rt_sigpending, (long)set, (long)sizeof(sigset_t)));
}
