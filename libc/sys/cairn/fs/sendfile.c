/* sendfile: sendfile(2); the kernel copies count bytes from in_fd to out_fd. */
#include <sys/sendfile.h>

#include "internal/syscall.h"

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	return (ssize_t)__syscall_ret(
		__syscall4(SYS_sendfile, (long)out_fd, (long)in_fd, (long)offset, (long)count));
}
