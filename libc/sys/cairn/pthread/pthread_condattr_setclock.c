/* pthread_condattr_setclock: the clock of pthread_cond_timedwait's
   deadline, CLOCK_REALTIME or CLOCK_MONOTONIC. */
#include <errno.h>
#include <pthread.h>

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clk)
{
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return EINVAL;
	a->__clock = clk;
	return 0;
}
