/* __pthread_cleanup_push: pthread_cleanup_push's handler record joins the
   calling thread's list (innermost first). */
#include "pthread/pthread_impl.h"

void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*routine)(void *), void *arg)
{
	struct __pthread *self = __pthread_self();

	c->__routine = routine;
	c->__arg = arg;
	c->__next = self->cleanup;
	self->cleanup = c;
}
