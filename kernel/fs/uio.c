/*
 * struct uio: one buffer that knows whether it lives in user or kernel
 * memory, so filesystems and drivers have a single read and write path for
 * read(2) and for the kernel's own I/O.
 */
#include <errno.h>
#include <fs/vfs.h>
#include <lib/string.h>
#include <uaccess.h>

int uio_copy_out(struct uio *u, const void *src, size_t n)
{
	n = MIN(n, u->len);
	if (u->user) {
		if (copy_to_user(u->base, src, n) < 0)
			return -EFAULT;
	} else {
		memcpy(u->base, src, n);
	}
	u->base = (char *)u->base + n;
	u->len -= n;
	return 0;
}

int uio_copy_in(void *dst, struct uio *u, size_t n)
{
	n = MIN(n, u->len);
	if (u->user) {
		if (copy_from_user(dst, u->base, n) < 0)
			return -EFAULT;
	} else {
		memcpy(dst, u->base, n);
	}
	u->base = (char *)u->base + n;
	u->len -= n;
	return 0;
}

int uio_clear(struct uio *u, size_t n)
{
	n = MIN(n, u->len);
	if (u->user) {
		if (clear_user(u->base, n) < 0)
			return -EFAULT;
	} else {
		memset(u->base, 0, n);
	}
	u->base = (char *)u->base + n;
	u->len -= n;
	return 0;
}
