/* setgid: setgid(2). */
#include <unistd.h>

#include "internal/syscall.h"

int setgid(gid_t gid)
{
	return (int)__syscall_ret(__syscall1(SYS_setgid, (long)gid));
}
