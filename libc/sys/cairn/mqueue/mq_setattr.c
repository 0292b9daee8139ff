/* mq_setattr: mq_getsetattr(2); only O_NONBLOCK in mq_flags changes anything. */
#include <mqueue.h>

#include "internal/syscall.h"

int mq_setattr(mqd_t mqd, const struct mq_attr *__restrict attr, struct mq_attr *__restrict old)
{
	return (int)__syscall_ret(__syscall3(SYS_mq_getsetattr, mqd, (long)attr, (long)old));
}
