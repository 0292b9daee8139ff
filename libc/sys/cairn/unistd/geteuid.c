/* geteuid: the effective user id. */
#include <unistd.h>

#include "internal/syscall.h"

uid_t geteuid(void)
{
	return (uid_t)__syscall_ret(__syscall0(SYS_geteuid));
}
