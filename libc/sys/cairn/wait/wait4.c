/* wait4: wait4(2): waitpid() that also reports the child's resource usage. */
#include <sys/wait.h>
#include <sys/resource.h>

#include "internal/syscall.h"

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)__syscall_ret(
	    __syscall4(SYS_wait4, (long)pid, (long)status, (long)options, (long)ru));
}
