/* mq_getattr: mq_getsetattr(2) reading only. */
#include <mqueue.h>

#include "internal/syscall.h"

int mq_getattr(mqd_t mqd, struct mq_attr *attr)
{
	return (int)__syscall_ret(__syscall3(SYS_mq_getsetattr, mqd, 0, (long)attr));
}
