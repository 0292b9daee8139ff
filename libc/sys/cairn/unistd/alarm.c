/*
 * alarm: alarm(2): SIGALRM after seconds (0 cancels); returns the seconds
 * that were left of the previous alarm. The kernel fails with ENOSYS until it
 * has alarm(2); the result is then (unsigned)-1, as alarm() has no error value.
 */
#include <unistd.h>

#include "internal/syscall.h"

unsigned int alarm(unsigned int seconds)
{
	return (unsigned int)__syscall_ret(__syscall1(SYS_alarm, (long)seconds));
}
