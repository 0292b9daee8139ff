/* sigemptyset: a set with no signal. */
#include <signal.h>

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}
