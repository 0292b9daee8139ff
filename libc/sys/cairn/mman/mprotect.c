/* mprotect: mprotect(2). */
#include <sys/mman.h>

#include "internal/syscall.h"

int mprotect(void *addr, size_t len, int prot)
{
	return (int)__syscall_ret(__syscall3(SYS_mprotect, (long)addr, (long)len, prot));
}
