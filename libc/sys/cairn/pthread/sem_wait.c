/* sem_wait: sem_timedwait without a deadline. */
#include <semaphore.h>

int sem_wait(sem_t *s)
{
	return sem_timedwait(s, NULL);
}
