/*
 * getpriority: the nice value (-20..19) of a process, group or user. The
 * kernel returns 20 - nice so that its results stay positive.
 */
#include <sys/resource.h>

#include "internal/syscall.h"

int getpriority(int which, id_t who)
{
	long r = __syscall_ret(__syscall2(SYS_getpriority, which, who));

	return r < 0 ? -1 : 20 - (int)r;
}
