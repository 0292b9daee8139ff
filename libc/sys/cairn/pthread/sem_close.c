/* sem_close: drops this process's reference to a named semaphore and
   unmaps it with the last one; EINVAL for anything sem_open did not return. */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "pthread/pthread_impl.h"
#include "pthread/sem_named.h"

int sem_close(sem_t *sem)
{
	struct __sem_mapping **p, *m;

	__lock(&__sem_mappings_lock);
	for (p = &__sem_mappings; (m = *p) != NULL; p = &m->next) {
		if (m->sem != sem)
			continue;
		if (--m->refs == 0) {
			*p = m->next;
			munmap(m->sem, sizeof(sem_t));
			free(m);
		}
		__unlock(&__sem_mappings_lock, 0);
		return 0;
	}
	__unlock(&__sem_mappings_lock, 0);
	errno = EINVAL;
	return -1;
}
