/*
 * nanosleep: nanosleep(2). struct timespec has the kernel's layout
 * (internal/abi_check_libc.c).
 */
#include <time.h>

#include "internal/syscall.h"

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__syscall_ret(__syscall2(SYS_nanosleep, (long)req, (long)rem));
}
