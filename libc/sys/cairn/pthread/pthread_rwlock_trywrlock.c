/* pthread_rwlock_trywrlock: EBUSY while anyone holds the lock. */
#include "pthread/pthread_impl.h"

int pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	int err = 0;

	pthread_mutex_lock(&rw->__m);
	if (rw->__writer || rw->__readers) {
		err = EBUSY;
	} else {
		rw->__writer = 1;
		rw->__wowner = __pthread_self();
	}
	pthread_mutex_unlock(&rw->__m);
	return err;
}
