/* pthread_cond_timedwait: ETIMEDOUT at the absolute deadline, on the clock
   of the condition variable's attributes; a cancellation point. */
#include "pthread/pthread_impl.h"

int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
			   const struct timespec *restrict abs)
{
	return __pthread_cond_timedwait(c, m, abs, 1);
}
