/* usleep: suspends the caller for `usec` microseconds with nanosleep(). */
#include <time.h>
#include <unistd.h>

int usleep(useconds_t usec)
{
	struct timespec req = {
	    .tv_sec = usec / 1000000,
	    .tv_nsec = (long)(usec % 1000000) * 1000,
	};

	return nanosleep(&req, NULL);
}
