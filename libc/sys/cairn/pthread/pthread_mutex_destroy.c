/* pthread_mutex_destroy: EBUSY while locked. */
#include <errno.h>
#include <pthread.h>

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->__lock ? EBUSY : 0;
}
