/* getrusage: getrusage(2) for RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_THREAD. */
#include <sys/resource.h>

#include "internal/syscall.h"

int getrusage(int who, struct rusage *ru)
{
	return (int)__syscall_ret(__syscall2(SYS_getrusage, (long)who, (long)ru));
}
