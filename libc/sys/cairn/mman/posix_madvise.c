/*
 * posix_madvise: madvise() that returns an error number instead of setting
 * errno. POSIX_MADV_DONTNEED is advice that may be ignored, and is: Linux's
 * MADV_DONTNEED would discard the pages' contents.
 */
#include <errno.h>
#include <sys/mman.h>

int posix_madvise(void *addr, size_t len, int advice)
{
	int saved = errno, r = 0;

	if (advice == POSIX_MADV_DONTNEED)
		return 0;
	if (madvise(addr, len, advice) < 0)
		r = errno;
	errno = saved;
	return r;
}
