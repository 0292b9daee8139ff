/* fsync: fsync(2): the file's data and metadata reach the device. */
#include <unistd.h>

#include "internal/syscall.h"

int fsync(int fd)
{
	return (int)__syscall_ret(__syscall1(SYS_fsync, (long)fd));
}
