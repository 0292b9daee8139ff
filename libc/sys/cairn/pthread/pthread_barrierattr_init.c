/* pthread_barrierattr_init: process-private. */
#include <pthread.h>

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
	a->__pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}
