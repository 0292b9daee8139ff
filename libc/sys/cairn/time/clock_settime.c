/* clock_settime: clock_settime(2) (the kernel does not set clocks yet: ENOSYS). */
#include <time.h>

#include "internal/syscall.h"

int clock_settime(clockid_t clock_id, const struct timespec *tp)
{
	return (int)__syscall_ret(__syscall2(SYS_clock_settime, (long)clock_id, (long)tp));
}
