/* pthread_mutex_lock. */
#include "pthread/pthread_impl.h"

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return __pthread_mutex_lock(m, NULL);
}
