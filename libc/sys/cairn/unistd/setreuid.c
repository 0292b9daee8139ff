/* setreuid: setreuid(2); -1 leaves an id unchanged. */
#include <unistd.h>

#include "internal/syscall.h"

int setreuid(uid_t ruid, uid_t euid)
{
	return (int)__syscall_ret(__syscall2(SYS_setreuid, (long)ruid, (long)euid));
}
