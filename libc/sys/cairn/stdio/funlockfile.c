/* funlockfile: releases f's lock, taken by flockfile or ftrylockfile. */
#include <stdio.h>

#include "pthread/retarget_lock.h"

void funlockfile(FILE *f)
{
	if (!(f->_flags & __SSTR))
		__retarget_lock_do_release(__lock_or_fallback(f->_lock));
}
