/* seteuid: sets the effective user id alone, with setresuid(2). */
#include <unistd.h>

#include "internal/syscall.h"

int seteuid(uid_t uid)
{
	return (int)__syscall_ret(__syscall3(SYS_setresuid, (long)-1, (long)uid, (long)-1));
}
