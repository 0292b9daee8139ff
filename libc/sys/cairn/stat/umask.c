/* umask: sets the file mode creation mask; returns the previous one. */
#include <sys/stat.h>

#include "internal/syscall.h"

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall_ret(__syscall1(SYS_umask, (long)mask));
}
