/* getitimer: getitimer(2). */
#include <sys/time.h>

#include "internal/syscall.h"

int getitimer(int which, struct itimerval *value)
{
	return (int)__syscall_ret(__syscall2(SYS_getitimer, (long)which, (long)value));
}
