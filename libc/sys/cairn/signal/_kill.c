/*
 * _kill: kill(2), under newlib's _kill_r and libc/syscalls' kill(). Signal
 * numbers are the kernel's (<cairn/signum.h>).
 */
#include <sys/types.h>

#include "internal/syscall.h"

int _kill(pid_t pid, int sig)
{
	return (int)__syscall_ret(__syscall2(SYS_kill, pid, sig));
}
