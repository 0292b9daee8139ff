/* getrlimit: the soft and hard limits of resource, with prlimit64(2). */
#include <sys/resource.h>

#include "internal/syscall.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return (int)__syscall_ret(
	    __syscall4(SYS_prlimit64, (long)0, (long)resource, (long)0, (long)rlim));
}
