/* waitpid: wait4(2) without the resource usage. */
#include <sys/wait.h>

#include "internal/syscall.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	return (pid_t)__syscall_ret(__syscall4(SYS_wait4, pid, (long)status, options, 0));
}
