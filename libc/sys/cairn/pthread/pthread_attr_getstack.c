/* pthread_attr_getstack. */
#include <pthread.h>

int pthread_attr_getstack(const pthread_attr_t *restrict a, void **restrict addr,
			  size_t *restrict size)
{
	*addr = a->__stackaddr;
	*size = a->__stacksize;
	return 0;
}
