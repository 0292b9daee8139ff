/* _link: link(2), under newlib's _link_r and libc/syscalls' link(). */
#include "internal/syscall.h"

int _link(const char *old, const char *new)
{
	return (int)__syscall_ret(__syscall2(SYS_link, (long)old, (long)new));
}
