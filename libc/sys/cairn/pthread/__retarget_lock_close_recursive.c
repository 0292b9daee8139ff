/* __retarget_lock_close_recursive: frees a lock from __retarget_lock_init_recursive. */
#include <stdlib.h>

#include "pthread/retarget_lock.h"

void __retarget_lock_close_recursive(_LOCK_T lock)
{
	if (lock && lock != &__lock___cairn_fallback)
		free(lock);
}
