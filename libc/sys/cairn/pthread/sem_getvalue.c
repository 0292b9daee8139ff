/* sem_getvalue: the count (0 while threads wait). */
#include <semaphore.h>

int sem_getvalue(sem_t *restrict s, int *restrict value)
{
	*value = __atomic_load_n(&s->__value, __ATOMIC_SEQ_CST);
	return 0;
}
