/* pthread_rwlock_destroy: EBUSY while held. */
#include <errno.h>
#include <pthread.h>

int pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	return rw->__readers || rw->__writer ? EBUSY : 0;
}
