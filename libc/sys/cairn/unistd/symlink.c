/* symlink: symlink(2). */
#include <unistd.h>

#include "internal/syscall.h"

int symlink(const char *target, const char *linkpath)
{
	return (int)__syscall_ret(__syscall2(SYS_symlink, (long)target, (long)linkpath));
}
