/*
 * sigqueue: sends sig with value to pid through rt_sigqueueinfo(2), with the
 * siginfo a user-sent queued signal carries (SI_QUEUE, the sender's pid and
 * real uid).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "internal/syscall.h"

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value = value;
	return (int)__syscall_ret(__syscall3(SYS_rt_sigqueueinfo, pid, sig, (long)&si));
}
