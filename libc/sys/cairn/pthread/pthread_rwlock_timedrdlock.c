/* pthread_rwlock_timedrdlock: waits while a writer holds the lock, until
   the absolute CLOCK_REALTIME deadline; EDEADLK if the caller is the writer. */
#include "pthread/pthread_impl.h"

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict rw, const struct timespec *restrict abs)
{
	int err = 0;

	__pthread_mutex_lock(&rw->__m, NULL);
	if (rw->__writer && rw->__wowner == __pthread_self())
		err = EDEADLK;
	while (!err && rw->__writer)
		err = __pthread_cond_timedwait(&rw->__readable, &rw->__m, abs, 0);
	if (!err)
		rw->__readers++;
	pthread_mutex_unlock(&rw->__m);
	return err;
}
