/* shmat: shmat(2); (void *)-1 and errno on failure. */
#include <sys/shm.h>

#include "internal/syscall.h"

void *shmat(int id, const void *addr, int flags)
{
	return (void *)__syscall_ret(__syscall3(SYS_shmat, id, (long)addr, flags));
}
