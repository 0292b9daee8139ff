/* _unlink: unlink(2), under newlib's _unlink_r and libc/syscalls' unlink(). */
#include "internal/syscall.h"

int _unlink(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_unlink, (long)path));
}
