/* pthread_mutexattr_setpshared: PTHREAD_PROCESS_SHARED mutexes use shared
   futex operations; the kernel keys futexes by address space, so they
   work between processes only once it keys shared mappings by page. */
#include <errno.h>
#include <pthread.h>

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	a->__pshared = pshared;
	return 0;
}
