/*
 * __syscall_ret: the one place where a kernel result becomes the C library's
 * convention. Results from -4095 to -1 are -errno: errno is set and the
 * caller gets -1. Anything else (a count, a file descriptor, an address) is
 * returned unchanged.
 */
#include <errno.h>

#include "internal/syscall.h"

long __syscall_ret(unsigned long r)
{
	if (r > -4096UL) {
		errno = (int)-(long)r;
		return -1;
	}
	return (long)r;
}
