/*
 * _gettimeofday: gettimeofday(2), under newlib's _gettimeofday_r, libc/syscalls'
 * gettimeofday() and time(). struct timeval has the kernel's layout
 * (internal/abi_check_libc.c).
 */
#include <sys/time.h>

#include "internal/syscall.h"

int _gettimeofday(struct timeval *tv, void *tz)
{
	return (int)__syscall_ret(__syscall2(SYS_gettimeofday, (long)tv, (long)tz));
}
