/* pthread_testcancel: a cancellation point and nothing else. */
#include "pthread/pthread_impl.h"

void pthread_testcancel(void)
{
	__pthread_testcancel(__pthread_self());
}
