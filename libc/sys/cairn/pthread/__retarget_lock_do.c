/*
 * The recursive lock under every newlib lock: the owner takes it again by
 * counting, anyone else waits on the futex word.
 */
#include "pthread/retarget_lock.h"

void __retarget_lock_do_acquire(struct __lock *l)
{
	struct __pthread *self = __pthread_self();

	if (l->owner == self) {
		l->depth++;
		return;
	}
	__lock(&l->word);
	l->owner = self;
	l->depth = 1;
}

/* Returns 1 if the lock was taken, 0 if another thread holds it. */
int __retarget_lock_do_try(struct __lock *l)
{
	struct __pthread *self = __pthread_self();

	if (l->owner == self) {
		l->depth++;
		return 1;
	}
	if (!__trylock(&l->word))
		return 0;
	l->owner = self;
	l->depth = 1;
	return 1;
}

void __retarget_lock_do_release(struct __lock *l)
{
	if (--l->depth > 0)
		return;
	l->owner = NULL;
	__unlock(&l->word, 0);
}
