/* pthread_barrierattr_getpshared. */
#include <pthread.h>

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->__pshared;
	return 0;
}
