/* pthread_attr_setschedpolicy: only SCHED_OTHER, the kernel's one policy. */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy)
{
	if (policy != SCHED_OTHER)
		return ENOTSUP;
	a->__schedpolicy = policy;
	return 0;
}
