/* clock_getres: clock_getres(2); clock ids are the kernel's (<cairn/clockid.h>). */
#include <time.h>

#include "internal/syscall.h"

int clock_getres(clockid_t clock, struct timespec *res)
{
	return (int)__syscall_ret(__syscall2(SYS_clock_getres, clock, (long)res));
}
