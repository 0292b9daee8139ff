/*
 * ftrylockfile: flockfile() without waiting; 0 when the caller now holds the
 * stream lock, non-zero when another thread does.
 */
#include <stdio.h>
#include <sys/lock.h>

int ftrylockfile(FILE *fp)
{
	if (fp->_flags & __SSTR)
		return 0;
	return __lock_try_acquire_recursive(fp->_lock);
}
