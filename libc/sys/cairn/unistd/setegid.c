/* setegid: sets the effective group id alone, with setresgid(2). */
#include <unistd.h>

#include "internal/syscall.h"

int setegid(gid_t gid)
{
	return (int)__syscall_ret(__syscall3(SYS_setresgid, (long)-1, (long)gid, (long)-1));
}
