/* semtimedop: semtimedop(2); the timeout is relative, and running out of it fails with EAGAIN. */
#include <sys/sem.h>

#include "internal/syscall.h"

int semtimedop(int id, struct sembuf *sops, size_t nsops, const struct timespec *timeout)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_semtimedop, id, (long)sops, (long)nsops, (long)timeout));
}
