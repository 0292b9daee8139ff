/* __pthread_start: the first C function of a new thread (__pthread_clone.S). */
#include "pthread/pthread_impl.h"

_Noreturn void __pthread_start(struct __pthread *t)
{
	pthread_exit(t->start(t->arg));
}
