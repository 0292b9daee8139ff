/*
 * pthread_spin_lock: test-and-test-and-set, pausing while it spins. After
 * a while it also yields the CPU: with one CPU scheduling (Cairn today), the
 * holder cannot release the lock while the spinner runs.
 */
#include <pthread.h>

#define SPINS_BEFORE_YIELD 100

int pthread_spin_lock(pthread_spinlock_t *s)
{
	int spins = 0;

	while (__atomic_exchange_n(s, 1, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(s, __ATOMIC_RELAXED)) {
			__builtin_ia32_pause();
			if (++spins == SPINS_BEFORE_YIELD) {
				spins = 0;
				sched_yield();
			}
		}
	}
	return 0;
}
