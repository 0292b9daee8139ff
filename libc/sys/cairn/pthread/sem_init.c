/*
 * Unnamed semaphores: the count is a futex word; sem_wait sleeps on it
 * while it is 0, after announcing itself in __waiters, and sem_post wakes a
 * sleeper only when one has announced itself.
 */
#include <errno.h>
#include <semaphore.h>

int sem_init(sem_t *s, int pshared, unsigned value)
{
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	s->__value = (int)value;
	s->__waiters = 0;
	s->__pshared = pshared != 0;
	s->__reserved = 0;
	return 0;
}
