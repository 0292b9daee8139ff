/*
 * select: select(2) over fd_sets of FD_SETSIZE (1024) descriptors, Linux's
 * size; timeout (NULL: none) is updated with the time left, as on Linux.
 */
#include <sys/select.h>

#include "internal/syscall.h"

int select(int n, fd_set *restrict rd, fd_set *restrict wr, fd_set *restrict ex,
           struct timeval *restrict timeout)
{
	return (int)__syscall_ret(
	    __syscall5(SYS_select, n, (long)rd, (long)wr, (long)ex, (long)timeout));
}
