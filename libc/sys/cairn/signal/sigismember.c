/* sigismember: 1 if sig (1 to 64) is in set, 0 if not, -1 (EINVAL) for another number. */
#include <errno.h>
#include <signal.h>

int sigismember(const sigset_t *set, int sig)
{
	if (sig < 1 || sig > SIGRTMAX) {
		errno = EINVAL;
		return -1;
	}
	return (int)((*set >> (sig - 1)) & 1);
}
