/* setpgid: setpgid(2): moves pid (0: the caller) into group pgid (0: its own). */
#include <unistd.h>

#include "internal/syscall.h"

int setpgid(pid_t pid, pid_t pgid)
{
	return (int)__syscall_ret(__syscall2(SYS_setpgid, (long)pid, (long)pgid));
}
