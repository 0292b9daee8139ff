/* pthread_attr_setguardsize: inaccessible bytes below the stack, rounded up
   to whole pages by pthread_create; 0 for none. */
#include <pthread.h>

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
	a->__guardsize = size;
	a->__guardsize_set = 1;
	return 0;
}
