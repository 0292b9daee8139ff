/*
 * pthread_join: waits until the kernel has cleared the thread's tid word
 * (the thread has left exit(2) and no longer uses its stack), takes its
 * result and unmaps its stack, TLS block and descriptor. The kernel's
 * wake-up at thread exit is a shared futex operation (as on Linux, where a
 * private wait would not see it), so this wait is shared too.
 */
#include <sys/mman.h>

#include "pthread/pthread_impl.h"

int pthread_join(pthread_t t, void **result)
{
	int tid;

	if (t == __pthread_self())
		return EDEADLK;
	if (t->detach_state == DT_DETACHED)
		return EINVAL;
	while ((tid = t->tid) != 0)
		__futex_wait(&t->tid, tid, NULL, 1);
	if (result)
		*result = t->result;
	if (!t->is_main)
		munmap(t->map_base, t->map_size);
	return 0;
}
