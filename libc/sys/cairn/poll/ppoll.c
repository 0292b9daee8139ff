/*
 * ppoll: poll() with a timespec timeout (NULL: none) and a signal mask
 * installed for the duration of the wait (NULL: unchanged).
 */
#include <poll.h>
#include <signal.h>

#include "internal/syscall.h"

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec ts, *tp = 0;

	if (timeout) {
		ts = *timeout;
		tp = &ts;
	}
	return (int)__syscall_ret(
	    __syscall5(SYS_ppoll, (long)fds, (long)n, (long)tp, (long)mask, sizeof(sigset_t)));
}
