/* setregid: setregid(2); -1 leaves an id unchanged. */
#include <unistd.h>

#include "internal/syscall.h"

int setregid(gid_t rgid, gid_t egid)
{
	return (int)__syscall_ret(__syscall2(SYS_setregid, (long)rgid, (long)egid));
}
