/* chdir: chdir(2). */
#include <unistd.h>

#include "internal/syscall.h"

int chdir(const char *path)
{
	return (int)__syscall_ret(__syscall1(SYS_chdir, (long)path));
}
