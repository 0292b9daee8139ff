/* sem_post: adds one to the count and wakes a sleeper if there is one;
   EOVERFLOW at SEM_VALUE_MAX. */
#include <errno.h>
#include <semaphore.h>

#include "pthread/pthread_impl.h"

int sem_post(sem_t *s)
{
	int v = s->__value;

	do {
		if (v == SEM_VALUE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
	} while (!__atomic_compare_exchange_n(&s->__value, &v, v + 1, 0, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	if (__atomic_load_n(&s->__waiters, __ATOMIC_SEQ_CST))
		__futex_wake(&s->__value, 1, s->__pshared);
	return 0;
}
