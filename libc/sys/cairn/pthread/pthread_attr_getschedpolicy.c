/* pthread_attr_getschedpolicy. */
#include <pthread.h>

int pthread_attr_getschedpolicy(const pthread_attr_t *restrict a, int *restrict policy)
{
	*policy = a->__schedpolicy;
	return 0;
}
