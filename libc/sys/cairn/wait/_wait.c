/* _wait: wait(), under newlib's libc/syscalls wait(): any child, blocking. */
#include <sys/types.h>

#include "internal/syscall.h"

pid_t _wait(int *status)
{
	return (pid_t)__syscall_ret(__syscall4(SYS_wait4, -1, (long)status, 0, 0));
}
