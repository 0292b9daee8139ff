/*
 * pselect: select() with a timespec timeout that is not updated and a signal
 * mask installed for the duration of the wait (pselect6(2), whose sixth
 * argument points at the mask and its size).
 */
#include <signal.h>
#include <sys/select.h>

#include "internal/syscall.h"

int pselect(int n, fd_set *restrict rd, fd_set *restrict wr, fd_set *restrict ex,
            const struct timespec *restrict timeout, const sigset_t *restrict mask)
{
	struct timespec ts, *tp = 0;
	unsigned long data[2] = {(unsigned long)mask, sizeof(sigset_t)};

	if (timeout) {
		ts = *timeout;
		tp = &ts;
	}
	return (int)__syscall_ret(__syscall6(SYS_pselect6, n, (long)rd, (long)wr, (long)ex,
	                                     (long)tp, mask ? (long)data : 0));
}
