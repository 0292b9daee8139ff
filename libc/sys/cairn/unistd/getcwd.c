/*
 * getcwd: the working directory's absolute path, from getcwd(2), which
 * returns the length including the NUL. As in glibc and musl, a NULL buffer
 * asks for a malloc'ed one (of at least `size` bytes, or just big enough when
 * size is 0).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uapi/limits.h>

#include "internal/syscall.h"

char *getcwd(char *buf, size_t size)
{
	char tmp[PATH_MAX];
	long r;

	if (buf) {
		if (size == 0) {
			errno = EINVAL;
			return NULL;
		}
		r = __syscall_ret(__syscall2(SYS_getcwd, (long)buf, (long)size));
		return r < 0 ? NULL : buf;
	}
	r = __syscall_ret(__syscall2(SYS_getcwd, (long)tmp, sizeof(tmp)));
	if (r < 0)
		return NULL;
	if (size && (size_t)r > size) {
		errno = ERANGE;
		return NULL;
	}
	buf = malloc(size ? size : (size_t)r);
	if (!buf)
		return NULL; /* errno is ENOMEM */
	memcpy(buf, tmp, (size_t)r);
	return buf;
}
