/* pthread_attr_setinheritsched: recorded; Cairn has one policy. */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit)
{
	if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED)
		return EINVAL;
	a->__inheritsched = inherit;
	return 0;
}
