/* __retarget_lock_release_recursive. */
#include "pthread/retarget_lock.h"

void __retarget_lock_release_recursive(_LOCK_T lock)
{
	__retarget_lock_do_release(__lock_or_fallback(lock));
}
