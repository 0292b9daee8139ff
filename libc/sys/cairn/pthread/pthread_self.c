/* pthread_self: the calling thread's descriptor. */
#include "pthread/pthread_impl.h"

pthread_t pthread_self(void)
{
	return __pthread_self();
}
