/*
 * sleep: suspends the caller for `seconds` with nanosleep(). Returns 0, or
 * the whole seconds left (rounded up) when a signal interrupted the sleep.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

unsigned sleep(unsigned seconds)
{
	struct timespec req = {.tv_sec = seconds, .tv_nsec = 0};
	struct timespec rem;

	if (nanosleep(&req, &rem) == 0)
		return 0;
	if (errno != EINTR)
		return seconds;
	return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
}
