/*
 * sigwait: takes one pending signal of set into *sig. Unlike the other
 * signal calls it returns the error number instead of setting errno; a wait
 * interrupted by a handler (EINTR) starts again, as POSIX lets it.
 */
#include <errno.h>
#include <signal.h>

int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	int saved = errno, r;

	do
		r = sigtimedwait(set, 0, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		r = errno;
		errno = saved;
		return r;
	}
	*sig = r;
	return 0;
}
