/* pthread_rwlockattr_destroy: attributes own nothing. */
#include <pthread.h>

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}
