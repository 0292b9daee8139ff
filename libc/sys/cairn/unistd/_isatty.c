/*
 * _isatty: under newlib's _isatty_r and libc/syscalls' isatty(). A file is a
 * terminal when the TCGETS ioctl succeeds on it, as in other Linux libcs.
 * Otherwise the result is 0 with errno set by the kernel: ENOTTY, EBADF, or
 * ENOSYS while Cairn's kernel has no ioctl(2) (FIXME: until then nothing is
 * a terminal, so stdout is fully buffered even on the console).
 */
#include <uapi/ioctl.h>

#include "internal/syscall.h"

int _isatty(int fd)
{
	/* Room for the kernel's struct termios (36 bytes on Linux x86-64). */
	unsigned char termios[64] __attribute__((aligned(8)));

	return __syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)termios)) == 0;
}
