/*
 * The POSIX thread types of Cairn's C library, included by newlib's
 * <sys/_pthreadtypes.h> (libc/patches/0004-threads.patch) in place of
 * newlib's own, which are sized for RTEMS (a 32-bit pthread_t).
 *
 * Every object is a plain structure that the functions in
 * libc/sys/cairn/pthread/ interpret; the fields are private (the leading
 * underscores say so). Zero-filled static objects equal the *_INITIALIZER
 * values, as in glibc and musl. Futex words are 32-bit ints.
 */
#ifndef _CAIRN_PTHREADTYPES_H
#define _CAIRN_PTHREADTYPES_H

#include <sys/sched.h>

/* A thread is its descriptor (libc/sys/cairn/pthread/pthread_impl.h). */
typedef struct __pthread *pthread_t;

typedef struct {
	int __detachstate;
	int __inheritsched;
	int __schedpolicy;
	int __scope;
	struct sched_param __schedparam;
	void *__stackaddr;
	__SIZE_TYPE__ __stacksize; /* 0: the default */
	__SIZE_TYPE__ __guardsize;
	int __guardsize_set;
} pthread_attr_t;

typedef struct {
	int __type;
	int __pshared;
} pthread_mutexattr_t;

typedef struct {
	int __lock;   /* 0 free, 1 locked, 2 locked and maybe waited for */
	int __type;   /* PTHREAD_MUTEX_NORMAL, _RECURSIVE or _ERRORCHECK */
	int __count;  /* recursive locks beyond the first */
	int __pshared;
	void *__owner; /* the owner's descriptor while locked */
} pthread_mutex_t;

typedef struct {
	int __pshared;
	int __clock; /* clockid_t of pthread_cond_timedwait's deadline */
} pthread_condattr_t;

typedef struct {
	unsigned __seq; /* bumped by every signal and broadcast; the futex word */
	int __clock;
	int __pshared;
	int __reserved;
} pthread_cond_t;

typedef struct {
	int __pshared;
} pthread_rwlockattr_t;

typedef struct {
	pthread_mutex_t __m;
	pthread_cond_t __readable;
	pthread_cond_t __writable;
	int __readers;        /* read locks held */
	int __writer;         /* 1 while write-locked */
	int __writers_waiting;
	int __pshared;
	void *__wowner;       /* the writer's descriptor */
} pthread_rwlock_t;

typedef int pthread_spinlock_t;

typedef struct {
	int __pshared;
} pthread_barrierattr_t;

typedef struct {
	pthread_mutex_t __m;
	pthread_cond_t __cv;
	unsigned __count;    /* threads to wait for */
	unsigned __arrived;  /* threads waiting in this round */
	unsigned __round;    /* bumped when a round completes */
	int __reserved;
} pthread_barrier_t;

typedef unsigned pthread_key_t;
typedef int pthread_once_t;

#endif
