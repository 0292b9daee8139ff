/* pthread_rwlockattr_getpshared. */
#include <pthread.h>

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->__pshared;
	return 0;
}
