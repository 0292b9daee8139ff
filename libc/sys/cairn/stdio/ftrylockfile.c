/* ftrylockfile: takes f's lock if no other thread holds it: 0, else nonzero. */
#include <stdio.h>

#include "pthread/retarget_lock.h"

int ftrylockfile(FILE *f)
{
	if (f->_flags & __SSTR)
		return 0;
	return __retarget_lock_do_try(__lock_or_fallback(f->_lock)) ? 0 : -1;
}
