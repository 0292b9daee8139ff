/*
 * <sys/mman.h>: newlib has none. The constants are the kernel's (Linux's),
 * from kernel/include/uapi/mman.h.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <uapi/mman.h>

#define MAP_FAILED ((void *)-1)
#define MAP_ANON   MAP_ANONYMOUS
#define MAP_FILE   0

__BEGIN_DECLS
void *mmap(void *, size_t, int, int, int, off_t);
int munmap(void *, size_t);
int mprotect(void *, size_t, int);
__END_DECLS

#endif
