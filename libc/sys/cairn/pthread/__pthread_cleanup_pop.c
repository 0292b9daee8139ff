/* __pthread_cleanup_pop: removes the innermost handler, running it if
   `execute` is non-zero. */
#include "pthread/pthread_impl.h"

void __pthread_cleanup_pop(struct __pthread_cleanup *c, int execute)
{
	__pthread_self()->cleanup = c->__next;
	if (execute)
		c->__routine(c->__arg);
}
