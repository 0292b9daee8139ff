/* pthread_mutex_timedlock: gives up with ETIMEDOUT at the absolute
   CLOCK_REALTIME deadline. */
#include "pthread/pthread_impl.h"

int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict abs)
{
	return __pthread_mutex_lock(m, abs);
}
