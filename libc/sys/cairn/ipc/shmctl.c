/* shmctl: shmctl(2); x86-64 has only the 64-bit structures, so no IPC_64 (as in glibc). */
#include <sys/shm.h>

#include "internal/syscall.h"

int shmctl(int id, int cmd, struct shmid_ds *buf)
{
	return (int)__syscall_ret(__syscall3(SYS_shmctl, id, cmd, (long)buf));
}
