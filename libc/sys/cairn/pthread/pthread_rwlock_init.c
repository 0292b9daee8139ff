/*
 * Read-write locks are a mutex, two condition variables and counts: readers
 * wait while a writer holds the lock, writers while anyone does. Readers
 * are preferred (as glibc's default), so a thread may take a read lock it
 * already holds while a writer waits.
 */
#include <string.h>

#include <pthread.h>

int pthread_rwlock_init(pthread_rwlock_t *restrict rw, const pthread_rwlockattr_t *restrict a)
{
	memset(rw, 0, sizeof(*rw));
	rw->__readable.__clock = CLOCK_REALTIME;
	rw->__writable.__clock = CLOCK_REALTIME;
	rw->__pshared = a ? a->__pshared : PTHREAD_PROCESS_PRIVATE;
	return 0;
}
