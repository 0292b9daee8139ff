/* pthread_barrier_wait: PTHREAD_BARRIER_SERIAL_THREAD for the thread that
   completes the round, 0 for the others. */
#include "pthread/pthread_impl.h"

int pthread_barrier_wait(pthread_barrier_t *b)
{
	unsigned round;

	pthread_mutex_lock(&b->__m);
	round = b->__round;
	if (++b->__arrived == b->__count) {
		b->__arrived = 0;
		b->__round++;
		pthread_cond_broadcast(&b->__cv);
		pthread_mutex_unlock(&b->__m);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	while (round == b->__round)
		__pthread_cond_timedwait(&b->__cv, &b->__m, NULL, 0);
	pthread_mutex_unlock(&b->__m);
	return 0;
}
