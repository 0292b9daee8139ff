/* pthread_rwlock_tryrdlock: EBUSY while a writer holds the lock. */
#include <errno.h>
#include <pthread.h>

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	int err = 0;

	pthread_mutex_lock(&rw->__m);
	if (rw->__writer)
		err = EBUSY;
	else
		rw->__readers++;
	pthread_mutex_unlock(&rw->__m);
	return err;
}
