/* pthread_mutex_trylock: EBUSY instead of waiting (a recursive mutex's
   owner gets another level). */
#include "pthread/pthread_impl.h"

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct __pthread *self = __pthread_self();

	if (m->__type == PTHREAD_MUTEX_RECURSIVE && m->__owner == self) {
		if (m->__count == INT_MAX)
			return EAGAIN;
		m->__count++;
		return 0;
	}
	if (!__trylock(&m->__lock))
		return EBUSY;
	m->__owner = self;
	m->__count = 0;
	return 0;
}
