/* pthread_rwlock_unlock: releases the caller's write lock or one read
   lock, and wakes whoever can go next. */
#include <errno.h>
#include <pthread.h>

int pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	int err = 0;

	pthread_mutex_lock(&rw->__m);
	if (rw->__writer) {
		rw->__writer = 0;
		rw->__wowner = NULL;
		pthread_cond_broadcast(&rw->__readable);
		if (rw->__writers_waiting)
			pthread_cond_signal(&rw->__writable);
	} else if (rw->__readers > 0) {
		if (--rw->__readers == 0 && rw->__writers_waiting)
			pthread_cond_signal(&rw->__writable);
	} else {
		err = EPERM;
	}
	pthread_mutex_unlock(&rw->__m);
	return err;
}
