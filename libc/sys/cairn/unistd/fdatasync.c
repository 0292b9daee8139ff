/* fdatasync: fdatasync(2): the file's data reach the device. */
#include <unistd.h>

#include "internal/syscall.h"

int fdatasync(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fdatasync, (long)fd));
}
