/* pthread_attr_getscope. */
#include <pthread.h>

int pthread_attr_getscope(const pthread_attr_t *restrict a, int *restrict scope)
{
	*scope = a->__scope;
	return 0;
}
