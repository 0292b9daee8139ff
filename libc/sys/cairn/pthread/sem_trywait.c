/* sem_trywait: takes one from the count, or fails with EAGAIN at 0. */
#include <errno.h>
#include <semaphore.h>

int sem_trywait(sem_t *s)
{
	int v = s->__value;

	while (v > 0) {
		if (__atomic_compare_exchange_n(&s->__value, &v, v - 1, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return 0;
	}
	errno = EAGAIN;
	return -1;
}
