/*
 * posix_memalign: `size` bytes aligned to `align`, a power of two multiple of
 * sizeof(void *), from newlib's malloc (memalign). Returns 0, EINVAL or
 * ENOMEM and leaves errno alone, as POSIX asks. newlib declares it (and its
 * aligned_alloc() calls it) but leaves it to the system.
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>

int posix_memalign(void **res, size_t align, size_t size)
{
	void *p;
	int saved = errno;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = memalign(align, size);
	if (!p) {
		errno = saved;
		return ENOMEM;
	}
	*res = p;
	return 0;
}
