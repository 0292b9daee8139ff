/* _close: close(2), under newlib's _close_r and libc/syscalls' close(). */
#include "internal/syscall.h"

int _close(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_close, fd));
}
