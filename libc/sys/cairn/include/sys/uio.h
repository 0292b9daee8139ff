/*
 * <sys/uio.h>: newlib has none. struct iovec is Linux's, and readv()/writev()
 * pass arrays of it to the kernel unchanged.
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/cdefs.h>
#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

__BEGIN_DECLS
ssize_t readv(int, const struct iovec *, int);
ssize_t writev(int, const struct iovec *, int);
ssize_t preadv(int, const struct iovec *, int, off_t);
ssize_t pwritev(int, const struct iovec *, int, off_t);
__END_DECLS

#endif
