/*
 * flockfile: takes f's lock (the recursive lock newlib's stdio holds during
 * each call on f), waiting for another thread that holds it. newlib 3.3
 * declares flockfile but leaves it to the system.
 */
#include <stdio.h>

#include "pthread/retarget_lock.h"

void flockfile(FILE *f)
{
	if (!(f->_flags & __SSTR))
		__retarget_lock_do_acquire(__lock_or_fallback(f->_lock));
}
