/* madvise: madvise(2). */
#include <sys/mman.h>

#include "internal/syscall.h"

int madvise(void *addr, size_t len, int advice)
{
	return (int)__syscall_ret(__syscall3(SYS_madvise, (long)addr, (long)len, (long)advice));
}
