/*
 * pthread_cancel: deferred cancellation. The request is a flag the target
 * acts on at its next cancellation point (pthread_testcancel,
 * pthread_cond_wait, pthread_cond_timedwait). A target asleep in a
 * condition wait is woken: the request is published first, then the word it
 * sleeps on (published by the waiter before it checks the flag) is bumped
 * and woken, so one of the two always sees the other.
 */
#include "pthread/pthread_impl.h"

int pthread_cancel(pthread_t t)
{
	volatile unsigned *w;

	__atomic_store_n(&t->cancel_requested, 1, __ATOMIC_SEQ_CST);
	w = __atomic_load_n(&t->cancel_futex, __ATOMIC_SEQ_CST);
	if (w) {
		__atomic_fetch_add(w, 1, __ATOMIC_SEQ_CST);
		__futex_wake(w, INT_MAX, 0);
	}
	return 0;
}
