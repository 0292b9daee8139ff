/*
 * POSIX semaphores (libc/sys/cairn/pthread/sem_*.c). An unnamed semaphore
 * is a sem_t in the caller's memory; a named one is a sem_t in a file under
 * /dev/shm, mapped shared (sem_open).
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <sys/cdefs.h>
#include <time.h>

typedef struct {
	volatile int __value;   /* the count; the futex word */
	volatile int __waiters; /* threads sleeping in sem_wait */
	int __pshared;
	int __reserved;
} sem_t;

#define SEM_FAILED ((sem_t *)0)
#define SEM_VALUE_MAX 0x7fffffff

__BEGIN_DECLS

int sem_init(sem_t *, int, unsigned);
int sem_destroy(sem_t *);
int sem_wait(sem_t *);
int sem_trywait(sem_t *);
int sem_timedwait(sem_t *__restrict, const struct timespec *__restrict);
int sem_post(sem_t *);
int sem_getvalue(sem_t *__restrict, int *__restrict);
sem_t *sem_open(const char *, int, ...);
int sem_close(sem_t *);
int sem_unlink(const char *);

__END_DECLS

#endif
