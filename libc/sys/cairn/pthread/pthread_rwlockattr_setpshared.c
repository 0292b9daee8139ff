/* pthread_rwlockattr_setpshared (see pthread_mutexattr_setpshared). */
#include <errno.h>
#include <pthread.h>

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	a->__pshared = pshared;
	return 0;
}
