/* pthread_condattr_getclock. */
#include <pthread.h>

int pthread_condattr_getclock(const pthread_condattr_t *restrict a, clockid_t *restrict clk)
{
	*clk = a->__clock;
	return 0;
}
