/* futimens: utimensat() on an open file. */
#include <sys/stat.h>

#include "internal/syscall.h"

int futimens(int fd, const struct timespec *times)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_utimensat, (long)fd, (long)0, (long)times, (long)0));
}
