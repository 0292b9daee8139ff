/* ftruncate: ftruncate(2): sets the size of the file open as fd. */
#include <unistd.h>

#include "internal/syscall.h"

int ftruncate(int fd, off_t length)
{
	return (int)__syscall_ret(__syscall2(SYS_ftruncate, (long)fd, (long)length));
}
