/* pthread_cond_wait: a cancellation point. */
#include "pthread/pthread_impl.h"

int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	return __pthread_cond_timedwait(c, m, NULL, 1);
}
