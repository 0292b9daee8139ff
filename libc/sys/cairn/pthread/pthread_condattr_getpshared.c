/* pthread_condattr_getpshared. */
#include <pthread.h>

int pthread_condattr_getpshared(const pthread_condattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->__pshared;
	return 0;
}
