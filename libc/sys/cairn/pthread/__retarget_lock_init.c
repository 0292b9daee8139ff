/* __retarget_lock_init: a new, unlocked lock for a FILE (or another
   dynamic newlib object); the shared fallback if memory is short. */
#include <stdlib.h>

#include "pthread/retarget_lock.h"

void __retarget_lock_init(_LOCK_T *lock)
{
	struct __lock *l = calloc(1, sizeof(*l));

	*lock = l ? l : &__lock___cairn_fallback;
}
