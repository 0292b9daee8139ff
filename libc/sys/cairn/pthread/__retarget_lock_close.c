/* __retarget_lock_close: frees a lock from __retarget_lock_init. */
#include <stdlib.h>

#include "pthread/retarget_lock.h"

void __retarget_lock_close(_LOCK_T lock)
{
	if (lock && lock != &__lock___cairn_fallback)
		free(lock);
}
