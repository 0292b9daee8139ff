/* pipe: pipe(2); fds[0] is the read end and fds[1] the write end. */
#include <unistd.h>

#include "internal/syscall.h"

int pipe(int fds[2])
{
	return (int)__syscall_ret(__syscall1(SYS_pipe, (long)fds));
}
