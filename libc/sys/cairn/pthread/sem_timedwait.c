/*
 * sem_timedwait: takes one from the count, sleeping while it is 0 until
 * the absolute CLOCK_REALTIME deadline (ETIMEDOUT). A sleeper counts itself
 * in __waiters before it sleeps, and sleeps only while the count is still
 * 0, so a sem_post that raised the count either sees the waiter or the
 * waiter sees the new count. EINTR when a signal handler ran.
 */
#include <errno.h>
#include <semaphore.h>

#include "pthread/pthread_impl.h"

int sem_timedwait(sem_t *restrict s, const struct timespec *restrict abs)
{
	int err;

	for (;;) {
		int v = s->__value;
		while (v > 0) {
			if (__atomic_compare_exchange_n(&s->__value, &v, v - 1, 0, __ATOMIC_ACQUIRE,
							__ATOMIC_RELAXED))
				return 0;
		}
		__atomic_fetch_add(&s->__waiters, 1, __ATOMIC_SEQ_CST);
		err = __timedwait(&s->__value, 0, abs, CLOCK_REALTIME, s->__pshared);
		__atomic_fetch_sub(&s->__waiters, 1, __ATOMIC_SEQ_CST);
		if (err == ETIMEDOUT || err == EINTR || err == EINVAL) {
			errno = err;
			return -1;
		}
	}
}
