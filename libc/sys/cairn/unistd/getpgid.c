/* getpgid: the process group of pid (0: the caller). */
#include <unistd.h>

#include "internal/syscall.h"

pid_t getpgid(pid_t pid)
{
	return (pid_t)__syscall_ret(__syscall1(SYS_getpgid, (long)pid));
}
