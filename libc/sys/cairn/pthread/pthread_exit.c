/*
 * pthread_exit: runs the cleanup handlers (innermost first) and the
 * thread-specific data destructors, releases the thread's newlib state, then
 * ends the thread. The last thread of the process calls exit(0) instead, as
 * POSIX asks (atexit handlers run, stdio is flushed).
 *
 * A joinable thread leaves its mapping to pthread_join, which waits for the
 * kernel to clear the descriptor's tid (CLONE_CHILD_CLEARTID, at the end of
 * exit(2)). A detached thread frees its own mapping: with every signal
 * blocked and no clear-child-tid word left, it unmaps its stack and exits
 * without touching memory again (__pthread_unmap_self).
 */
#include <stdlib.h>

#include "pthread/pthread_impl.h"

_Noreturn void pthread_exit(void *result)
{
	struct __pthread *self = __pthread_self();
	int state = DT_JOINABLE;

	self->cancel_state = PTHREAD_CANCEL_DISABLE;
	while (self->cleanup) {
		struct __pthread_cleanup *c = self->cleanup;
		self->cleanup = c->__next;
		c->__routine(c->__arg);
	}
	__pthread_tsd_run_dtors(self);
	self->result = result;

	if (__atomic_sub_fetch(&__pthread_count, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);
	if (!self->is_main)
		_reclaim_reent(self->reent);

	if (__atomic_compare_exchange_n(&self->detach_state, &state, DT_EXITED, 0,
					__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) ||
	    self->is_main) {
		for (;;)
			__syscall1(SYS_exit, 0);
	}
	/* Detached. */
	unsigned long all = ~0UL;
	__syscall4(SYS_rt_sigprocmask, 0 /* SIG_BLOCK */, (long)&all, 0, sizeof(all));
	__syscall1(SYS_set_tid_address, 0);
	__pthread_unmap_self(self->map_base, self->map_size);
}
