/* _execve: execve(2), under newlib's _execve_r and libc/syscalls' execve(). */
#include "internal/syscall.h"

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)__syscall_ret(__syscall3(SYS_execve, (long)path, (long)argv, (long)envp));
}
