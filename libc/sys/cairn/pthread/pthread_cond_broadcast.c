/* pthread_cond_broadcast: wakes every waiter. */
#include "pthread/pthread_impl.h"

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->__seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->__seq, INT_MAX, c->__pshared);
	return 0;
}
