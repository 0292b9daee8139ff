/*
 * __pthread_cond_timedwait: a sequence-count condition variable. A waiter
 * reads the count, unlocks the mutex and sleeps while the count is
 * unchanged; signal and broadcast bump the count and wake one or all. A
 * signal between the unlock and the sleep changes the count, so the futex
 * wait returns at once: no wake-up is lost. Spurious wake-ups (allowed by
 * POSIX) happen when a signal wakes a waiter that came later.
 *
 * As a cancellation point, the waiter publishes the word it sleeps on
 * before it checks for a request (pthread_cancel.c); it is cancelled with
 * the mutex locked again, as POSIX requires.
 */
#include "pthread/pthread_impl.h"

int __pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abs,
			     int cancel_point)
{
	struct __pthread *self = __pthread_self();
	unsigned seq = __atomic_load_n(&c->__seq, __ATOMIC_SEQ_CST);
	int err, lerr;

	if (abs && (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L))
		return EINVAL;
	if (cancel_point) {
		__atomic_store_n(&self->cancel_futex, &c->__seq, __ATOMIC_SEQ_CST);
		__pthread_testcancel(self);
	}
	err = pthread_mutex_unlock(m);
	if (err)
		goto out_clear;
	err = __timedwait(&c->__seq, (int)seq, abs, c->__clock, c->__pshared);
	if (err == EINTR)
		err = 0;
	lerr = __pthread_mutex_lock(m, NULL);
	if (lerr)
		err = lerr;
	if (cancel_point)
		__pthread_testcancel(self);
out_clear:
	if (cancel_point)
		__atomic_store_n(&self->cancel_futex, NULL, __ATOMIC_SEQ_CST);
	return err;
}
