/* __retarget_lock_release. */
#include "pthread/retarget_lock.h"

void __retarget_lock_release(_LOCK_T lock)
{
	__retarget_lock_do_release(__lock_or_fallback(lock));
}
