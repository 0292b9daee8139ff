/* _getpid: getpid(2), under newlib's _getpid_r and libc/syscalls' getpid(). */
#include <sys/types.h>

#include "internal/syscall.h"

pid_t _getpid(void)
{
	return (pid_t)__syscall0(SYS_getpid); /* cannot fail */
}
