/*
 * pthread_setcanceltype: the type is recorded, but cancellation is always
 * deferred: an asynchronous request is also acted on only at cancellation
 * points (docs/libc.md).
 */
#include "pthread/pthread_impl.h"

int pthread_setcanceltype(int type, int *old)
{
	struct __pthread *self = __pthread_self();

	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = self->cancel_type;
	self->cancel_type = type;
	return 0;
}
