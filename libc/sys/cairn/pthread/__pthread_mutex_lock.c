/*
 * __pthread_mutex_lock: pthread_mutex_lock and pthread_mutex_timedlock. A
 * recursive mutex its owner locks again counts the depth; an error-checking
 * one reports EDEADLK; a normal one deadlocks, as POSIX specifies. The
 * owner is recorded for every type (it costs one store).
 */
#include "pthread/pthread_impl.h"

int __pthread_mutex_lock(pthread_mutex_t *m, const struct timespec *abs)
{
	struct __pthread *self = __pthread_self();
	int err;

	if (m->__type != PTHREAD_MUTEX_NORMAL && m->__owner == self) {
		if (m->__type == PTHREAD_MUTEX_ERRORCHECK)
			return EDEADLK;
		if (m->__count == INT_MAX)
			return EAGAIN;
		m->__count++;
		return 0;
	}
	if (abs && (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L)) {
		/* A malformed deadline is an error only if the call would wait. */
		if (!__trylock(&m->__lock))
			return EINVAL;
	} else {
		err = __lock_timed(&m->__lock, abs, m->__pshared);
		if (err)
			return err;
	}
	m->__owner = self;
	m->__count = 0;
	return 0;
}
