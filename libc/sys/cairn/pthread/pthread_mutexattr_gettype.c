/* pthread_mutexattr_gettype. */
#include <pthread.h>

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a, int *restrict type)
{
	*type = a->__type;
	return 0;
}
