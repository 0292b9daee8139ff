/* pthread_attr_setschedparam: SCHED_OTHER has the one priority 0. */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p)
{
	if (p->sched_priority != 0)
		return EINVAL;
	a->__schedparam = *p;
	return 0;
}
