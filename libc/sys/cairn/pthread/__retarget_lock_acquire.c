/* __retarget_lock_acquire: waits for the lock (retarget_lock.h). */
#include "pthread/retarget_lock.h"

void __retarget_lock_acquire(_LOCK_T lock)
{
	__retarget_lock_do_acquire(__lock_or_fallback(lock));
}
