/* fchdir: makes the directory open as fd the working directory. */
#include <unistd.h>

#include "internal/syscall.h"

int fchdir(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fchdir, (long)fd));
}
