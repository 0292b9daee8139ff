/* munlock: munlock(2). */
#include <sys/mman.h>

#include "internal/syscall.h"

int munlock(const void *addr, size_t len)
{
	return (int)__syscall_ret(__syscall2(SYS_munlock, (long)addr, (long)len));
}
