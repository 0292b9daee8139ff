/*
 * pthread_once: the control word is 0 before, 1 while the routine runs and
 * 2 after. One caller moves it from 0 to 1 and runs the routine; the others
 * sleep on the word until it is 2.
 */
#include "pthread/pthread_impl.h"

int pthread_once(pthread_once_t *once, void (*routine)(void))
{
	volatile int *w = (volatile int *)once;
	int c;

	for (;;) {
		c = 0;
		if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
			routine();
			__atomic_store_n(w, 2, __ATOMIC_RELEASE);
			__futex_wake(w, INT_MAX, 0);
			return 0;
		}
		if (c == 2)
			return 0;
		__futex_wait(w, 1, NULL, 0);
	}
}
