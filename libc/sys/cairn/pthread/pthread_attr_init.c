/* pthread_attr_init: joinable, the default stack size (1 MiB) and one guard
   page, system scope, inherited scheduling. */
#include <string.h>

#include "pthread/pthread_impl.h"

int pthread_attr_init(pthread_attr_t *a)
{
	memset(a, 0, sizeof(*a));
	a->__detachstate = PTHREAD_CREATE_JOINABLE;
	a->__guardsize = 4096;
	return 0;
}
