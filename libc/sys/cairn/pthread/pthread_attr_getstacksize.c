/* pthread_attr_getstacksize: the size set, or the default (1 MiB). */
#include <pthread.h>

int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size)
{
	*size = a->__stacksize ? a->__stacksize : 1024 * 1024;
	return 0;
}
