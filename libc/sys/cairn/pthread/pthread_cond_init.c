/* pthread_cond_init: no waiters, the attribute's clock. */
#include <pthread.h>

int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a)
{
	c->__seq = 0;
	c->__clock = a ? a->__clock : CLOCK_REALTIME;
	c->__pshared = a ? a->__pshared : PTHREAD_PROCESS_PRIVATE;
	c->__reserved = 0;
	return 0;
}
