/* semop: semop(2). */
#include <sys/sem.h>

#include "internal/syscall.h"

int semop(int id, struct sembuf *sops, size_t nsops)
{
	return (int)__syscall_ret(__syscall3(SYS_semop, id, (long)sops, (long)nsops));
}
