/* _fork: fork(2), under newlib's _fork_r and libc/syscalls' fork(). */
#include <sys/types.h>

#include "internal/syscall.h"

pid_t _fork(void)
{
	return (pid_t)__syscall_ret(__syscall0(SYS_fork));
}
