/* __retarget_lock_try_acquire_recursive: 1 if taken, 0 if busy. */
#include "pthread/retarget_lock.h"

int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
	return __retarget_lock_do_try(__lock_or_fallback(lock));
}
