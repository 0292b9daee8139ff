/*
 * newlib's locks across fork(): __fork_lock_libc takes every lock newlib's
 * stdio, malloc, environment and time zone code hold while they change
 * shared state, so that no other thread is half-way through malloc() or an
 * fprintf() when the address space is copied; __fork_unlock_libc releases
 * them, in the parent and in the child (where the forking thread, the only
 * one left, is their owner).
 *
 * The order is the one newlib itself nests them in: each open FILE (fclose
 * holds its FILE's lock while it takes the list lock), the FILE list
 * (__sfp_recursive_mutex), the time zone, the environment (setenv calls
 * malloc), and malloc last.
 *
 * FIXME: a FILE opened by another thread while fork() walks the list is not
 * locked (newlib's fopen takes a slot under the list lock, then the FILE's
 * lock); its lock is left alone, so the child may find it held.
 */
#include <reent.h>
#include <stdio.h>

#include "pthread/retarget_lock.h"

extern struct __lock __lock___sfp_recursive_mutex;
extern struct __lock __lock___malloc_recursive_mutex;
extern struct __lock __lock___env_recursive_mutex;
extern struct __lock __lock___tz_mutex;
extern struct __lock __lock___atexit_recursive_mutex;

/* The FILEs in use: newlib's stdio allocates them in glue blocks. */
static int file_in_use(FILE *fp)
{
	return fp->_flags != 0 && fp->_flags != 1 && fp->_lock;
}

static void lock_files(void)
{
	for (struct _glue *g = &_GLOBAL_REENT->__sglue; g; g = g->_next)
		for (int i = 0; i < g->_niobs; i++)
			if (file_in_use(&g->_iobs[i]))
				__retarget_lock_do_acquire(g->_iobs[i]._lock);
}

/* Releases the FILE locks the calling thread took in lock_files. */
static void unlock_files(void)
{
	struct __pthread *self = __pthread_self();

	for (struct _glue *g = &_GLOBAL_REENT->__sglue; g; g = g->_next)
		for (int i = 0; i < g->_niobs; i++) {
			FILE *fp = &g->_iobs[i];

			if (file_in_use(fp) && fp->_lock->owner == self)
				__retarget_lock_do_release(fp->_lock);
		}
}

void __fork_lock_libc(void)
{
	__retarget_lock_do_acquire(&__lock___atexit_recursive_mutex);
	lock_files();
	__retarget_lock_do_acquire(&__lock___sfp_recursive_mutex);
	__retarget_lock_do_acquire(&__lock___tz_mutex);
	__retarget_lock_do_acquire(&__lock___env_recursive_mutex);
	__retarget_lock_do_acquire(&__lock___malloc_recursive_mutex);
}

void __fork_unlock_libc(void)
{
	__retarget_lock_do_release(&__lock___malloc_recursive_mutex);
	__retarget_lock_do_release(&__lock___env_recursive_mutex);
	__retarget_lock_do_release(&__lock___tz_mutex);
	__retarget_lock_do_release(&__lock___sfp_recursive_mutex);
	unlock_files();
	__retarget_lock_do_release(&__lock___atexit_recursive_mutex);
}
