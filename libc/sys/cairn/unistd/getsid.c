/* getsid: the session of pid (0: the caller). */
#include <unistd.h>

#include "internal/syscall.h"

pid_t getsid(pid_t pid)
{
	return (pid_t)__syscall_ret(__syscall1(SYS_getsid, (long)pid));
}
