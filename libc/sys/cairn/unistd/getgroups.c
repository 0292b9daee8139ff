/* getgroups: getgroups(2): the supplementary groups (size 0: their count). */
#include <unistd.h>

#include "internal/syscall.h"

int getgroups(int size, gid_t list[])
{
	return (int)__syscall_ret(__syscall2(SYS_getgroups, (long)size, (long)list));
}
