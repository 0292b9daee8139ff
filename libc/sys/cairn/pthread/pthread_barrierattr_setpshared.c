/* pthread_barrierattr_setpshared (see pthread_mutexattr_setpshared). */
#include <errno.h>
#include <pthread.h>

int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	a->__pshared = pshared;
	return 0;
}
