/*
 * mmap: mmap(2). The offset must be a multiple of the page size; the kernel
 * checks it. Flags and protections are the kernel's (<sys/mman.h>).
 */
#include <sys/mman.h>

#include "internal/syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)__syscall_ret(
	    __syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off));
}
