/*
 * pthread_atfork and the fork handler list: fork() (unistd/_fork.c) calls
 * __fork_prepare before the system call, then __fork_parent or __fork_child.
 *
 * The handlers are a list in registration order. __fork_prepare takes the
 * list's lock (so a registration cannot interleave with a fork), runs the
 * prepare handlers from the newest to the oldest, then takes newlib's locks
 * (__fork_lock_libc); __fork_parent and __fork_child undo that in reverse:
 * newlib's locks, then the parent or child handlers from the oldest to the
 * newest, then the list's lock. A handler may not call pthread_atfork.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "pthread/pthread_impl.h"

struct atfork {
	void (*prepare)(void);
	void (*parent)(void);
	void (*child)(void);
	struct atfork *prev, *next;
};

static struct atfork *first, *last;
static volatile int list_lock;

int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
	struct atfork *h = malloc(sizeof(*h));

	if (!h)
		return ENOMEM;
	h->prepare = prepare;
	h->parent = parent;
	h->child = child;
	h->next = NULL;
	__lock(&list_lock);
	h->prev = last;
	if (last)
		last->next = h;
	else
		first = h;
	last = h;
	__unlock(&list_lock, 0);
	return 0;
}

void __fork_prepare(void)
{
	__lock(&list_lock);
	for (struct atfork *h = last; h; h = h->prev)
		if (h->prepare)
			h->prepare();
	__fork_lock_libc();
}

void __fork_parent(void)
{
	__fork_unlock_libc();
	for (struct atfork *h = first; h; h = h->next)
		if (h->parent)
			h->parent();
	__unlock(&list_lock, 0);
}

/*
 * In the child the calling thread is the only one: it gets its new thread
 * id (and clear-tid word, as __pthread_init_main sets it), the thread count
 * starts again at one, and the locks the parent's other threads could have
 * held are free again, since the forking thread held them all.
 */
void __fork_child(void)
{
	struct __pthread *self = __pthread_self();

	self->tid = (int)__syscall1(SYS_set_tid_address, (long)&self->tid);
	__pthread_count = 1;
	__fork_unlock_libc();
	for (struct atfork *h = first; h; h = h->next)
		if (h->child)
			h->child();
	list_lock = 0;
}
