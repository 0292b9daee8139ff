/*
 * _times: times(2), under newlib's _times_r, libc/syscalls' times() and
 * clock(). Returns clock ticks since an arbitrary point (sysconf(_SC_CLK_TCK)
 * per second); struct tms has the kernel's layout.
 */
#include <sys/times.h>

#include "internal/syscall.h"

clock_t _times(struct tms *buf)
{
	return (clock_t)__syscall_ret(__syscall1(SYS_times, (long)buf));
}
