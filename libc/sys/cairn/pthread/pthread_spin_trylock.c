/* pthread_spin_trylock: EBUSY while held. */
#include <errno.h>
#include <pthread.h>

int pthread_spin_trylock(pthread_spinlock_t *s)
{
	return __atomic_exchange_n(s, 1, __ATOMIC_ACQUIRE) ? EBUSY : 0;
}
