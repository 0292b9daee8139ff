/* setsid: setsid(2): a new session and process group led by the caller. */
#include <unistd.h>

#include "internal/syscall.h"

pid_t setsid(void)
{
	return (pid_t)__syscall_ret(__syscall0(SYS_setsid));
}
