/* pthread_setschedparam: SCHED_OTHER at priority 0 is the only choice. */
#include <errno.h>
#include <pthread.h>

int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p)
{
	(void)t;
	if (policy != SCHED_OTHER)
		return ENOTSUP;
	return p->sched_priority == 0 ? 0 : EINVAL;
}
