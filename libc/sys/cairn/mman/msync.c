/* msync: msync(2): MS_ASYNC, MS_SYNC, MS_INVALIDATE. */
#include <sys/mman.h>

#include "internal/syscall.h"

int msync(void *addr, size_t len, int flags)
{
	return (int)__syscall_ret(__syscall3(SYS_msync, (long)addr, (long)len, (long)flags));
}
