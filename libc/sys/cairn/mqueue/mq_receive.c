/* mq_receive: mq_timedreceive(2) without a timeout. */
#include <mqueue.h>

#include "internal/syscall.h"

ssize_t mq_receive(mqd_t mqd, char *buf, size_t len, unsigned *prio)
{
	return __syscall_ret(
	    __syscall5(SYS_mq_timedreceive, mqd, (long)buf, (long)len, (long)prio, 0));
}
