/* pthread_mutex_init: unlocked, of the attribute's type. */
#include <string.h>

#include <pthread.h>

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a)
{
	memset(m, 0, sizeof(*m));
	if (a) {
		m->__type = a->__type;
		m->__pshared = a->__pshared;
	}
	return 0;
}
