/* pthread_cond_signal: wakes at least one waiter (see __pthread_cond_timedwait.c). */
#include "pthread/pthread_impl.h"

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->__seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->__seq, 1, c->__pshared);
	return 0;
}
