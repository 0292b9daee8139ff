/* pipe2: pipe(2) with O_CLOEXEC, O_NONBLOCK or O_DIRECT in flags. */
#include <unistd.h>

#include "internal/syscall.h"

int pipe2(int fds[2], int flags)
{
	return (int)__syscall_ret(__syscall2(SYS_pipe2, (long)fds, (long)flags));
}
