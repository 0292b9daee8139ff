/* pthread_rwlock_timedwrlock: waits while anyone holds the lock, until the
   absolute CLOCK_REALTIME deadline; EDEADLK if the caller is the writer. */
#include "pthread/pthread_impl.h"

int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict rw, const struct timespec *restrict abs)
{
	struct __pthread *self = __pthread_self();
	int err = 0;

	__pthread_mutex_lock(&rw->__m, NULL);
	if (rw->__writer && rw->__wowner == self)
		err = EDEADLK;
	rw->__writers_waiting++;
	while (!err && (rw->__writer || rw->__readers))
		err = __pthread_cond_timedwait(&rw->__writable, &rw->__m, abs, 0);
	rw->__writers_waiting--;
	if (!err) {
		rw->__writer = 1;
		rw->__wowner = self;
	}
	pthread_mutex_unlock(&rw->__m);
	return err;
}
