/*
 * mq_notify: mq_notify(2). struct sigevent has the kernel's layout;
 * SIGEV_SIGNAL and SIGEV_NONE work, SIGEV_THREAD fails with EINVAL (glibc
 * builds it on a netlink socket, which Cairn does not have).
 */
#include <mqueue.h>

#include "internal/syscall.h"

int mq_notify(mqd_t mqd, const struct sigevent *sev)
{
	return (int)__syscall_ret(__syscall2(SYS_mq_notify, mqd, (long)sev));
}
