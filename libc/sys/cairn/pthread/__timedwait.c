/* __timedwait: a futex wait until an absolute deadline (pthread_impl.h). */
#include "pthread/pthread_impl.h"

int __timedwait(volatile void *addr, int val, const struct timespec *abs, clockid_t clk,
		int shared)
{
	struct timespec now, rel;
	long r;

	if (abs) {
		if (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L)
			return EINVAL;
		r = __syscall2(SYS_clock_gettime, clk, (long)&now);
		if (r < 0)
			return (int)-r;
		rel.tv_sec = abs->tv_sec - now.tv_sec;
		rel.tv_nsec = abs->tv_nsec - now.tv_nsec;
		if (rel.tv_nsec < 0) {
			rel.tv_nsec += 1000000000L;
			rel.tv_sec--;
		}
		if (rel.tv_sec < 0)
			return ETIMEDOUT;
	}
	r = __futex_wait(addr, val, abs ? &rel : NULL, shared);
	if (r == -ETIMEDOUT)
		return ETIMEDOUT;
	if (r == -EINTR)
		return EINTR;
	return 0;
}
