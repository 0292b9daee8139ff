/*
 * _fork: fork(2), under newlib's _fork_r and libc/syscalls' fork(). The
 * pthread_atfork handlers run around it, and newlib's locks are held across
 * it, so that the child finds malloc and stdio in a consistent state even
 * when other threads were using them (pthread/pthread_atfork.c).
 */
#include <sys/types.h>

#include "internal/syscall.h"
#include "pthread/pthread_impl.h"

pid_t _fork(void)
{
	long r;

	__fork_prepare();
	r = __syscall0(SYS_fork);
	if (r == 0)
		__fork_child();
	else
		__fork_parent();
	return (pid_t)__syscall_ret(r);
}
