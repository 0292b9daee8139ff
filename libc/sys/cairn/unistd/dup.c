/* dup: dup(2), the lowest free descriptor for the same open file. */
#include <unistd.h>

#include "internal/syscall.h"

int dup(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_dup, fd));
}
