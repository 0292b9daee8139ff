/* pthread_attr_setstacksize: at least PTHREAD_STACK_MIN; rounded up to
   whole pages by pthread_create. */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->__stacksize = size;
	return 0;
}
