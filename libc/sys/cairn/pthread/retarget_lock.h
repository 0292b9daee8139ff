/*
 * newlib's locks (--enable-newlib-retargetable-locking): newlib's
 * <sys/lock.h> declares `struct __lock` and leaves it to the system. Every
 * Cairn lock is recursive (a plain lock is a recursive one locked once): a
 * futex lock word, the owner's descriptor and a depth. Dynamic locks
 * (FILEs) are allocated by __retarget_lock_init; if malloc fails, they
 * share __lock___cairn_fallback, which is correct, only slower.
 */
#ifndef _CAIRN_RETARGET_LOCK_H
#define _CAIRN_RETARGET_LOCK_H

#include <sys/lock.h>

#include "pthread/pthread_impl.h"

struct __lock {
	volatile int word;
	int depth;
	void *owner;
};

extern struct __lock __lock___cairn_fallback;

/* The lock to use for `l`: a never-initialised (NULL) lock is the fallback. */
static inline struct __lock *__lock_or_fallback(_LOCK_T l)
{
	return l ? l : &__lock___cairn_fallback;
}

void __retarget_lock_do_acquire(struct __lock *l);
int __retarget_lock_do_try(struct __lock *l);
void __retarget_lock_do_release(struct __lock *l);

#endif
