/* mq_timedreceive: mq_timedreceive(2); the timeout is an absolute CLOCK_REALTIME time. */
#include <mqueue.h>

#include "internal/syscall.h"

ssize_t mq_timedreceive(mqd_t mqd, char *__restrict buf, size_t len, unsigned *__restrict prio,
                        const struct timespec *__restrict abs_timeout)
{
	return __syscall_ret(__syscall5(SYS_mq_timedreceive, mqd, (long)buf, (long)len, (long)prio,
	                                (long)abs_timeout));
}
