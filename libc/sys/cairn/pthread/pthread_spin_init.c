/* pthread_spin_init: unlocked. A spin lock is an int, 1 while held. */
#include <pthread.h>

int pthread_spin_init(pthread_spinlock_t *s, int pshared)
{
	(void)pshared;
	*s = 0;
	return 0;
}
