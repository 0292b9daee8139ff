/* mknod: mknod(2), a device node, FIFO or regular file; `dev` is Linux's encoding. */
#include <sys/stat.h>

#include "internal/syscall.h"

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return (int)__syscall_ret(__syscall3(SYS_mknod, (long)path, mode, (long)dev));
}
