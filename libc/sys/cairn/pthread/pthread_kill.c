/*
 * pthread_kill: sends sig to thread t with tgkill(2), so it is delivered
 * to that thread. A thread that has exited (its tid cleared by the kernel)
 * is ESRCH; sig 0 only checks that the thread exists. Returns an error
 * number, not -1.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "internal/syscall.h"
#include "pthread/pthread_impl.h"

int pthread_kill(pthread_t t, int sig)
{
	int tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);
	if (tid == 0)
		return ESRCH;
	long r = __syscall3(SYS_tgkill, getpid(), tid, sig);
	return r < 0 ? (int)-r : 0;
}
