/* symlinkat: symlink() with linkpath relative to dirfd. */
#include <unistd.h>

#include "internal/syscall.h"

int symlinkat(const char *target, int dirfd, const char *linkpath)
{
	return (int)__syscall_ret(
	    __syscall3(SYS_symlinkat, (long)target, (long)dirfd, (long)linkpath));
}
