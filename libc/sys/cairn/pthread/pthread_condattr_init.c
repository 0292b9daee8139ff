/* pthread_condattr_init: CLOCK_REALTIME deadlines, process-private. */
#include <pthread.h>

int pthread_condattr_init(pthread_condattr_t *a)
{
	a->__pshared = PTHREAD_PROCESS_PRIVATE;
	a->__clock = CLOCK_REALTIME;
	return 0;
}
