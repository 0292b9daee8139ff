/* pthread_mutexattr_init: a normal, process-private mutex. */
#include <pthread.h>

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->__type = PTHREAD_MUTEX_DEFAULT;
	a->__pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}
