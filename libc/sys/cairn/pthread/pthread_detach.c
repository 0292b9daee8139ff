/*
 * pthread_detach: a running thread will free itself when it exits; one that
 * has already exited is reclaimed here, as pthread_join would.
 */
#include "pthread/pthread_impl.h"

int pthread_detach(pthread_t t)
{
	int state = DT_JOINABLE;

	if (__atomic_compare_exchange_n(&t->detach_state, &state, DT_DETACHED, 0,
					__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return 0;
	if (state == DT_DETACHED)
		return EINVAL;
	return pthread_join(t, NULL);
}
