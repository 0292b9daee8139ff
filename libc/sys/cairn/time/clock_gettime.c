/* clock_gettime: clock_gettime(2); clock ids are the kernel's (<cairn/clockid.h>). */
#include <time.h>

#include "internal/syscall.h"

int clock_gettime(clockid_t clock, struct timespec *tp)
{
	return (int)__syscall_ret(__syscall2(SYS_clock_gettime, clock, (long)tp));
}
