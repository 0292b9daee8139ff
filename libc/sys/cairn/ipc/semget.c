/* semget: semget(2). */
#include <sys/sem.h>

#include "internal/syscall.h"

int semget(key_t key, int nsems, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_semget, (int)key, nsems, flags));
}
