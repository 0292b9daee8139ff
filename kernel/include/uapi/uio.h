/*
 * The I/O vector of readv(2) and writev(2), with Linux x86-64's layout and
 * limits (shared/DESIGN.md decision 3); tests/abi checks it against
 * linux-libc-dev.
 */
#ifndef CAIRN_UAPI_UIO_H
#define CAIRN_UAPI_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV	8
#define UIO_MAXIOV	1024 /* more vectors than this: EINVAL */

#endif
