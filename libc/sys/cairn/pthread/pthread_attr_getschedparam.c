/* pthread_attr_getschedparam. */
#include <pthread.h>

int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p)
{
	*p = a->__schedparam;
	return 0;
}
