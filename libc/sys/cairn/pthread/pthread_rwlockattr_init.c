/* pthread_rwlockattr_init: process-private. */
#include <pthread.h>

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	a->__pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}
