/* setuid: setuid(2). */
#include <unistd.h>

#include "internal/syscall.h"

int setuid(uid_t uid)
{
	return (int)__syscall_ret(__syscall1(SYS_setuid, (long)uid));
}
