/* pthread_attr_setstack: the caller's memory [addr, addr+size) becomes the
   thread's stack (no guard pages are added to it). */
#include <errno.h>
#include <pthread.h>

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->__stackaddr = addr;
	a->__stacksize = size;
	return 0;
}
