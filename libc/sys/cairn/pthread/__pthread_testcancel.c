/* __pthread_testcancel: exits with PTHREAD_CANCELED if a cancellation
   request is pending and cancellation is enabled. */
#include "pthread/pthread_impl.h"

void __pthread_testcancel(struct __pthread *self)
{
	if (self->cancel_state == PTHREAD_CANCEL_ENABLE &&
	    __atomic_load_n(&self->cancel_requested, __ATOMIC_SEQ_CST))
		pthread_exit(PTHREAD_CANCELED);
}
