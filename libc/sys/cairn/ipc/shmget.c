/* shmget: shmget(2). */
#include <sys/shm.h>

#include "internal/syscall.h"

int shmget(key_t key, size_t size, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_shmget, (int)key, (long)size, flags));
}
