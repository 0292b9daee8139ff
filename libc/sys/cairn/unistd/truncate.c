/* truncate: truncate(2): sets the size of the file at path. */
#include <unistd.h>

#include "internal/syscall.h"

int truncate(const char *path, off_t length)
{
	return (int)__syscall_ret(__syscall2(SYS_truncate, (long)path, (long)length));
}
