/* getuid: the real user id. */
#include <unistd.h>

#include "internal/syscall.h"

uid_t getuid(void)
{
	return (uid_t)__syscall_ret(__syscall0(SYS_getuid));
}
