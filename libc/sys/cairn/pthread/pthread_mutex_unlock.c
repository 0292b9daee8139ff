/*
 * pthread_mutex_unlock: a recursive or error-checking mutex not held by
 * the caller gives EPERM; a recursive one is released when its depth
 * returns to zero.
 */
#include "pthread/pthread_impl.h"

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		if (m->__owner != __pthread_self() || !m->__lock)
			return EPERM;
		if (m->__count > 0) {
			m->__count--;
			return 0;
		}
	}
	m->__owner = NULL;
	__unlock(&m->__lock, m->__pshared);
	return 0;
}
