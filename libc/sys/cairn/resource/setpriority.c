/* setpriority: setpriority(2): the nice value of a process, group or user. */
#include <sys/resource.h>

#include "internal/syscall.h"

int setpriority(int which, id_t who, int prio)
{
	return (int)__syscall_ret(__syscall3(SYS_setpriority, (long)which, (long)who, (long)prio));
}
