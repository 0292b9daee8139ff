/* fchmod: fchmod(2). */
#include <sys/stat.h>

#include "internal/syscall.h"

int fchmod(int fd, mode_t mode)
{
	return (int)__syscall_ret(__syscall2(SYS_fchmod, (long)fd, (long)mode));
}
