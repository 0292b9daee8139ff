/* pthread_attr_setdetachstate: PTHREAD_CREATE_JOINABLE or _DETACHED. */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->__detachstate = state;
	return 0;
}
