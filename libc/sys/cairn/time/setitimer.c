/* setitimer: setitimer(2): ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF. */
#include <sys/time.h>

#include "internal/syscall.h"

int setitimer(int which, const struct itimerval *restrict value, struct itimerval *restrict old)
{
	return (int)__syscall_ret(__syscall3(SYS_setitimer, (long)which, (long)value, (long)old));
}
