/* pthread_attr_getdetachstate. */
#include <pthread.h>

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->__detachstate;
	return 0;
}
