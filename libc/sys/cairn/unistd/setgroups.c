/* setgroups: setgroups(2). */
#include <unistd.h>
#include <grp.h>

#include "internal/syscall.h"

int setgroups(int size, const gid_t *list)
{
	return (int)__syscall_ret(__syscall2(SYS_setgroups, (long)size, (long)list));
}
