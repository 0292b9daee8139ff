/* pthread_barrier_destroy: EBUSY while threads wait at it. */
#include <errno.h>
#include <pthread.h>

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	return b->__arrived ? EBUSY : 0;
}
