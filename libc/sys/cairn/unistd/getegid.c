/* getegid: the effective group id. */
#include <unistd.h>

#include "internal/syscall.h"

gid_t getegid(void)
{
	return (gid_t)__syscall_ret(__syscall0(SYS_getegid));
}
