/*
 * The futex lock word under mutexes and newlib's locks: Ulrich Drepper's
 * "mutex 2" (Futexes Are Tricky). 0 is free, 1 locked, 2 locked with
 * possible waiters; only an unlock that sees 2 makes a system call.
 */
#include "pthread/pthread_impl.h"

int __lock_timed(volatile int *w, const struct timespec *abs, int shared)
{
	int c = 0;

	if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	if (c != 2)
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		if (__timedwait(w, 2, abs, CLOCK_REALTIME, shared) == ETIMEDOUT)
			return ETIMEDOUT;
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	}
	return 0;
}

void __unlock(volatile int *w, int shared)
{
	if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(w, 1, shared);
}
