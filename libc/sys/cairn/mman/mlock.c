/* mlock: mlock(2). */
#include <sys/mman.h>

#include "internal/syscall.h"

int mlock(const void *addr, size_t len)
{
	return (int)__syscall_ret(__syscall2(SYS_mlock, (long)addr, (long)len));
}
