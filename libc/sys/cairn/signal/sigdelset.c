/* sigdelset: removes sig (1 to 64) from set; EINVAL for another number. */
#include <errno.h>
#include <signal.h>

int sigdelset(sigset_t *set, int sig)
{
	if (sig < 1 || sig > SIGRTMAX) {
		errno = EINVAL;
		return -1;
	}
	*set &= ~((sigset_t)1 << (sig - 1));
	return 0;
}
