/* settimeofday: settimeofday(2). */
#include <sys/time.h>

#include "internal/syscall.h"

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return (int)__syscall_ret(__syscall2(SYS_settimeofday, (long)tv, (long)tz));
}
