/* mq_send: mq_timedsend(2) without a timeout. */
#include <mqueue.h>

#include "internal/syscall.h"

int mq_send(mqd_t mqd, const char *msg, size_t len, unsigned prio)
{
	return (int)__syscall_ret(__syscall5(SYS_mq_timedsend, mqd, (long)msg, (long)len, prio, 0));
}
