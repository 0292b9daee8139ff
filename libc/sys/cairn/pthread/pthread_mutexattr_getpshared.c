/* pthread_mutexattr_getpshared. */
#include <pthread.h>

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->__pshared;
	return 0;
}
