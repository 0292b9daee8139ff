/* mq_timedsend: mq_timedsend(2); the timeout is an absolute CLOCK_REALTIME time. */
#include <mqueue.h>

#include "internal/syscall.h"

int mq_timedsend(mqd_t mqd, const char *msg, size_t len, unsigned prio,
                 const struct timespec *abs_timeout)
{
	return (int)__syscall_ret(
	    __syscall5(SYS_mq_timedsend, mqd, (long)msg, (long)len, prio, (long)abs_timeout));
}
