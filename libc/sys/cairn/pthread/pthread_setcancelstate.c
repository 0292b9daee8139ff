/*
 * pthread_setcancelstate: newlib's stdio calls this around every locked
 * section (_POSIX_THREADS), so it only reads and writes the descriptor.
 */
#include "pthread/pthread_impl.h"

int pthread_setcancelstate(int state, int *old)
{
	struct __pthread *self = __pthread_self();

	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = self->cancel_state;
	self->cancel_state = state;
	return 0;
}
