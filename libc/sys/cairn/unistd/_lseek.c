/* _lseek: lseek(2), under newlib's _lseek_r and libc/syscalls' lseek(). */
#include <sys/types.h>

#include "internal/syscall.h"

off_t _lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(SYS_lseek, fd, offset, whence));
}
