/* shmdt: shmdt(2). */
#include <sys/shm.h>

#include "internal/syscall.h"

int shmdt(const void *addr)
{
	return (int)__syscall_ret(__syscall1(SYS_shmdt, (long)addr));
}
